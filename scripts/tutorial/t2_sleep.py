#!/usr/bin/env python3
"""T2, "for I/O-bound work, threads beat processes": the tutorial's own experiment.

400 workers, each running ``time.sleep(2)`` (the tutorial's stand-in for waiting on I/O), are
started together and joined; the wall time of the whole batch is printed as JSON on one line:

    {"model": "threads", "workers": 400, "sleep_seconds": 2.0, "seconds": 2.05, ...}

Usage: t2_sleep.py {processes|threads} [--workers N] [--sleep SECONDS]
The tutorial's workers also print "==>"; that print is left out so that stdout holds only the
JSON line (400 short writes to a pipe change nothing measurable).
"""
import argparse
import json
import multiprocessing
import sys
import time

from batch import start_all_then_join


def work(seconds):
    time.sleep(seconds)


def main():
    parser = argparse.ArgumentParser(description="T2: 400 workers, each time.sleep(2)")
    parser.add_argument("model", choices=["processes", "threads"])
    parser.add_argument("--workers", type=int, default=400)
    parser.add_argument("--sleep", type=float, default=2.0)
    args = parser.parse_args()
    workers, seconds = start_all_then_join(args.model, args.workers, work, (args.sleep,))

    if args.model == "processes" and any(p.exitcode != 0 for p in workers):
        sys.exit("t2_sleep.py: %d worker processes failed" % sum(p.exitcode != 0 for p in workers))
    print(json.dumps({"model": args.model, "workers": args.workers, "sleep_seconds": args.sleep,
                      "start_method": multiprocessing.get_start_method(), "seconds": seconds}))


if __name__ == "__main__":
    main()
