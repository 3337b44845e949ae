#!/usr/bin/env python3
"""Q2, "switching between threads is much faster than between processes": a ping-pong.

Two units hand a one-byte token back and forth over two kernel pipes (``os.pipe``): the main
thread writes a byte, the peer reads it and writes it back, the main thread reads it and checks
it. The peer is a thread of this interpreter or a forked ``multiprocessing.Process``; the code
both run is the same (``echo``), so the unit is the only difference. Each case is timed on any
CPU, and pinned to one CPU (``os.sched_setaffinity`` on the main thread before the peer starts;
a new thread or a forked child inherits it), where every hand-over is a switch on one core. As
the JVM's SwitchBenchmark, the score is the time of one round trip (two switches):

    {"round_trips": 10000, "thread_any_cpu_micros": 25.1, "process_any_cpu_micros": 31.0,
     "thread_one_cpu_micros": 12.2, "process_one_cpu_micros": 9.8, "cpu": 0, ...}

Usage: q2_switch.py [--round-trips N]
"""
import argparse
import json
import os
import sys
import time
from multiprocessing import Process
from threading import Thread

WARM_UP = 200
# Tokens are 0-254; this one tells the peer to return (a forked peer holds copies of both pipes'
# ends, so closing ours would not end its read).
STOP = b"\xff"


def echo(read_end, write_end):
    """The peer: answer every byte with the same byte, until STOP."""
    while True:
        token = os.read(read_end, 1)
        if not token or token == STOP:
            break
        os.write(write_end, token)


def ping_pong(unit, round_trips):
    """Mean seconds per round trip with a peer of ``unit``; every token is checked."""
    there_r, there_w = os.pipe()
    back_r, back_w = os.pipe()
    peer = unit(target=echo, args=(there_r, back_w))
    peer.start()
    try:
        for n in range(WARM_UP):
            exchange(there_w, back_r, n)
        start = time.perf_counter()
        for n in range(round_trips):
            exchange(there_w, back_r, n)
        seconds = time.perf_counter() - start
    finally:
        os.write(there_w, STOP)
        peer.join()
        for end in (there_r, there_w, back_r, back_w):
            os.close(end)
    if unit is Process and peer.exitcode != 0:
        raise RuntimeError("the peer process exited with %s" % peer.exitcode)
    return seconds / round_trips


def exchange(write_end, read_end, n):
    token = bytes((n % 255,))
    os.write(write_end, token)
    answer = os.read(read_end, 1)
    if answer != token:
        raise RuntimeError("round trip %d came back %r, not %r" % (n, answer, token))


def main():
    parser = argparse.ArgumentParser(description="Q2: a pipe ping-pong between two threads or two processes")
    parser.add_argument("--round-trips", type=int, default=10_000)
    args = parser.parse_args()
    if args.round_trips < 1:
        sys.exit("q2_switch.py: --round-trips must be at least 1")
    allowed = os.sched_getaffinity(0)
    cpu = min(allowed)
    result = {"round_trips": args.round_trips, "cpus": len(allowed), "cpu": cpu}
    for cpus in ("any_cpu", "one_cpu"):
        os.sched_setaffinity(0, allowed if cpus == "any_cpu" else {cpu})
        for model, unit in (("thread", Thread), ("process", Process)):
            result["%s_%s_micros" % (model, cpus)] = ping_pong(unit, args.round_trips) * 1e6
    os.sched_setaffinity(0, allowed)
    result["seconds"] = sum(v for k, v in result.items() if k.endswith("_micros")) * args.round_trips / 1e6
    print(json.dumps(result))


if __name__ == "__main__":
    main()
