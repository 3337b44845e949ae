#!/usr/bin/env python3
"""Q1, Q4, Q5 in asyncio: what a coroutine costs in CPython, beside the JVM's virtual threads.

Three experiments, each printing one JSON line with the "seconds" every script here prints:

  sleep --tasks N --sleep S   N tasks, each ``await asyncio.sleep(S)``, created and awaited
                              together (asyncio.gather); "wall_over_sleep" is the wall time over S,
                              "bytes_per_task" the peak resident memory (VmHWM of
                              /proc/self/status) minus the resident memory just before the
                              tasks were created (VmRSS), over N
  spawn --repetitions R       create one task that does nothing and await it, R times in a row;
                              "seconds" is the mean time per task
  tree --depth D --width W    the fan-out tree of OpenJDK's Skynet micro-benchmark: every node is a
                              task that starts W children and sums their results, a leaf returns
                              its number; W**D leaves (10**6 by default), the sum is checked;
                              "tasks_per_second" counts every task of the tree

Usage: asyncio_tasks.py {sleep|spawn|tree} [options]; -h lists them. Standard library only.
"""
import argparse
import asyncio
import json
import sys
import time

WARM_UP = 100


def status_kib(field):
    """A "VmRSS"/"VmHWM" line of /proc/self/status, in KiB (Linux only)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise RuntimeError("no %s in /proc/self/status" % field)


async def sleep_all(tasks, seconds):
    before_kib = status_kib("VmRSS")
    start = time.perf_counter()
    await asyncio.gather(*(asyncio.sleep(seconds) for _ in range(tasks)))
    wall = time.perf_counter() - start
    peak_kib = status_kib("VmHWM")
    return {"experiment": "sleep", "tasks": tasks, "sleep_seconds": seconds, "seconds": wall,
            "wall_over_sleep": wall / seconds,
            "bytes_per_task": max(0, peak_kib - before_kib) * 1024 / tasks}


async def nothing():
    return 1


async def spawn_one(repetitions):
    for _ in range(WARM_UP):
        await asyncio.create_task(nothing())
    done = 0
    start = time.perf_counter()
    for _ in range(repetitions):
        done += await asyncio.create_task(nothing())
    per_task = (time.perf_counter() - start) / repetitions
    if done != repetitions:
        raise RuntimeError("%d of %d tasks answered" % (done, repetitions))
    return {"experiment": "spawn", "repetitions": repetitions, "seconds_per_task": per_task,
            "seconds": per_task}


async def node(number, depth, width):
    if depth == 0:
        return number
    children = [asyncio.create_task(node(number * width + i, depth - 1, width)) for i in range(width)]
    return sum(await asyncio.gather(*children))


async def tree(depth, width):
    leaves = width ** depth
    tasks = sum(width ** level for level in range(depth + 1))
    start = time.perf_counter()
    total = await node(0, depth, width)
    seconds = time.perf_counter() - start
    expected = leaves * (leaves - 1) // 2
    if total != expected:
        raise RuntimeError("the tree summed to %d, not %d" % (total, expected))
    return {"experiment": "tree", "depth": depth, "width": width, "leaves": leaves, "tasks": tasks,
            "sum": total, "seconds": seconds, "tasks_per_second": tasks / seconds}


def main():
    parser = argparse.ArgumentParser(description="asyncio tasks: sleepers, one task at a time, a fan-out tree")
    commands = parser.add_subparsers(dest="experiment", required=True)
    sleep = commands.add_parser("sleep", help="N tasks, each awaiting asyncio.sleep(S)")
    sleep.add_argument("--tasks", type=int, default=10_000)
    sleep.add_argument("--sleep", type=float, default=1.0)
    spawn = commands.add_parser("spawn", help="create and await one task, R times")
    spawn.add_argument("--repetitions", type=int, default=100_000)
    fan_out = commands.add_parser("tree", help="Skynet's fan-out tree, W children per node, D levels")
    fan_out.add_argument("--depth", type=int, default=6)
    fan_out.add_argument("--width", type=int, default=10)
    args = parser.parse_args()
    if args.experiment == "sleep":
        if args.tasks < 1 or not args.sleep > 0:
            sys.exit("asyncio_tasks.py sleep: --tasks must be at least 1 and --sleep positive")
        result = asyncio.run(sleep_all(args.tasks, args.sleep))
    elif args.experiment == "spawn":
        if args.repetitions < 1:
            sys.exit("asyncio_tasks.py spawn: --repetitions must be at least 1")
        result = asyncio.run(spawn_one(args.repetitions))
    else:
        if args.depth < 0 or args.width < 1:
            sys.exit("asyncio_tasks.py tree: --depth must be at least 0 and --width at least 1")
        result = asyncio.run(tree(args.depth, args.width))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
