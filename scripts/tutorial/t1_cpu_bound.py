#!/usr/bin/env python3
"""T1, "for CPU-bound work, processes beat threads": the tutorial's own experiment.

Four workers, each running ``res=0; for i in range(100_000_000): res*=i``, are started
together and joined; the wall time of the whole batch is printed as JSON on one line:

    {"model": "processes", "workers": 4, "iterations": 100000000, "seconds": 3.41, ...}

Usage: t1_cpu_bound.py {processes|threads} [--workers N] [--iterations N]
Processes use multiprocessing's default start method for this platform, as the tutorial did.
"""
import argparse
import json
import multiprocessing
import sys

from batch import start_all_then_join


def work(iterations):
    # The tutorial's loop, unchanged: res stays 0, but CPython computes every step.
    res = 0
    for i in range(iterations):
        res *= i


def main():
    parser = argparse.ArgumentParser(description="T1: 4 workers x a 100 000 000-iteration CPU loop")
    parser.add_argument("model", choices=["processes", "threads"])
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--iterations", type=int, default=100_000_000)
    args = parser.parse_args()
    workers, seconds = start_all_then_join(args.model, args.workers, work, (args.iterations,))

    if args.model == "processes" and any(p.exitcode != 0 for p in workers):
        sys.exit("t1_cpu_bound.py: a worker process failed: exit codes %s" % [p.exitcode for p in workers])
    print(json.dumps({"model": args.model, "workers": args.workers, "iterations": args.iterations,
                      "start_method": multiprocessing.get_start_method(), "seconds": seconds}))


if __name__ == "__main__":
    main()
