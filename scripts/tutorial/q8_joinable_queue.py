#!/usr/bin/env python3
"""Q8, producer/consumer through a joinable queue: ``task_done``/``join`` tell the main program
when every item is consumed.

``--producers`` producers put ``--items`` items per round into one joinable queue;
``--consumers`` consumers take each item, tick it off in a shared tally, and call
``task_done()``. The main program tells the producers to start, waits until they have put every
item, then calls ``join()``: it must return only once every item is done, so right after it the
tally must show every item exactly once (a round where it does not is counted in
``..._join_early``; expect none). Units live for the whole case (started outside the timed
region), as the JVM's ProducerConsumerBenchmark's do:

    processes  multiprocessing.JoinableQueue, Process units, a shared multiprocessing.Array tally
    threads    queue.Queue (it has task_done/join too), Thread units, a list tally

The two run the same code; only the unit and its queue differ.

    {"items": 1000, "rounds": 3, "producers": 1, "processes_1_items_per_second": 21000.0,
     "processes_1_join_early": 0, "threads_2_items_per_second": 60000.0, ...}

(the number is the consumer count). Usage: q8_joinable_queue.py [--items N] [--rounds N]
[--producers N] [--consumers N[,N...]]
"""
import argparse
import json
import multiprocessing
import queue
import sys
import time
from multiprocessing import Process
from threading import Thread


def produce(orders, produced, tasks, items, first, step):
    """Per order (a round), put items first, first + step, ... below ``items``; None ends."""
    while orders.get() is not None:
        for item in range(first, items, step):
            tasks.put(item)
        produced.put(first)


def consume(tasks, tally):
    while True:
        item = tasks.get()
        if item is None:
            tasks.task_done()
            return
        tally[item] += 1  # one consumer takes each item, so no two units write one slot
        tasks.task_done()


def run_case(model, producers, consumers, items, rounds):
    """Rounds of ``items`` items; returns (items per second, rounds where join() returned early)."""
    if model == "processes":
        unit, make_queue, tasks = Process, multiprocessing.Queue, multiprocessing.JoinableQueue()
        tally = multiprocessing.Array("i", items, lock=False)
    else:
        unit, make_queue, tasks = Thread, queue.Queue, queue.Queue()
        tally = [0] * items
    orders = [make_queue() for _ in range(producers)]
    produced = make_queue()
    units = [unit(target=produce, args=(orders[p], produced, tasks, items, p, producers)) for p in range(producers)]
    units += [unit(target=consume, args=(tasks, tally)) for _ in range(consumers)]
    for u in units:
        u.start()
    seconds = 0.0
    early = 0
    try:
        for _ in range(rounds):
            for i in range(items):
                tally[i] = 0
            start = time.perf_counter()
            for order in orders:
                order.put(True)
            for _ in range(producers):
                produced.get()
            tasks.join()
            seconds += time.perf_counter() - start
            early += any(tally[i] != 1 for i in range(items))
    finally:
        for order in orders:
            order.put(None)
        for _ in range(consumers):
            tasks.put(None)
        for u in units:
            u.join()
    if model == "processes" and any(u.exitcode != 0 for u in units):
        raise RuntimeError("a unit failed: exit codes %s" % [u.exitcode for u in units])
    return items * rounds / seconds, early


def main():
    parser = argparse.ArgumentParser(description="Q8: producers and consumers around a joinable queue")
    parser.add_argument("--items", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--producers", type=int, default=1)
    parser.add_argument("--consumers", default="1,2", help="consumer counts, comma-separated")
    args = parser.parse_args()
    consumer_counts = [int(c) for c in args.consumers.split(",")]
    if args.items < 1 or args.rounds < 1 or args.producers < 1 or min(consumer_counts) < 1:
        sys.exit("q8_joinable_queue.py: every size must be at least 1")
    result = {"items": args.items, "rounds": args.rounds, "producers": args.producers, "consumers": consumer_counts}
    start = time.perf_counter()
    for model in ("processes", "threads"):
        for consumers in consumer_counts:
            rate, early = run_case(model, args.producers, consumers, args.items, args.rounds)
            result["%s_%d_items_per_second" % (model, consumers)] = rate
            result["%s_%d_join_early" % (model, consumers)] = early
    result["seconds"] = time.perf_counter() - start
    print(json.dumps(result))


if __name__ == "__main__":
    main()
