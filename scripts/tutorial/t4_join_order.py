#!/usr/bin/env python3
"""T4, "start N sleepers, then join them all: one sleep; join inside the start loop: N sleeps".

The tutorial's demo: 10 processes, each ``time.sleep(1)``, joined after all have started, and
the same with ``p.join()`` right after each ``p.start()``. One run times all four cases, processes
and threads, each the wall time from just before the first start to just after the last join:

    {"workers": 10, "sleep_seconds": 0.1, "processes_after_all_seconds": 0.11,
     "processes_after_each_seconds": 1.03, "threads_after_all_seconds": 0.1, ...}

Usage: t4_join_order.py [--workers N] [--sleep SECONDS]
"""
import argparse
import json
import sys
import time
from multiprocessing import Process
from threading import Thread

from batch import start_all_then_join


def work(seconds):
    time.sleep(seconds)


def join_after_each_start(unit, count, seconds):
    """Each worker joined right after its start: the tutorial's serial mistake."""
    workers = []
    start = time.perf_counter()
    for _ in range(count):
        p = unit(target=work, args=(seconds,))
        workers.append(p)
        p.start()
        p.join()
    return workers, time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description="T4: join after all started vs join after each start")
    parser.add_argument("--workers", type=int, default=10)
    parser.add_argument("--sleep", type=float, default=1.0)
    args = parser.parse_args()
    if args.workers < 1 or not args.sleep > 0:
        sys.exit("t4_join_order.py: --workers must be at least 1 and --sleep positive")
    result = {"workers": args.workers, "sleep_seconds": args.sleep}
    for model, unit in (("processes", Process), ("threads", Thread)):
        for order in ("after_all", "after_each"):
            if order == "after_all":
                done, seconds = start_all_then_join(model, args.workers, work, (args.sleep,))
            else:
                done, seconds = join_after_each_start(unit, args.workers, args.sleep)
            failed = [p.exitcode for p in done if model == "processes" and p.exitcode != 0]
            if failed:
                sys.exit("t4_join_order.py: %d worker processes failed: exit codes %s" % (len(failed), failed))
            result["%s_%s_seconds" % (model, order)] = seconds
    result["seconds"] = sum(v for k, v in result.items() if k.endswith("_seconds") and k != "sleep_seconds")
    print(json.dumps(result))


if __name__ == "__main__":
    main()
