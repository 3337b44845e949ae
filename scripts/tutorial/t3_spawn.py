#!/usr/bin/env python3
"""T3, "creating a thread is 10-100x faster than creating a process": the tutorial states it
without measuring it; this measures it the way its other experiments create units.

One unit that does nothing is started and joined, one after the other, ``--repetitions`` times
(after a few unmeasured warm-up rounds); the mean wall time per unit is printed as JSON:

    {"model": "process", "repetitions": 200, "seconds_per_unit": 0.0021, "seconds": 0.0021, ...}

("seconds" repeats the per-unit time, the one figure every script of this folder prints.)

Usage: t3_spawn.py {process|thread} [--repetitions N]
"""
import argparse
import json
import multiprocessing
import sys
import time
from multiprocessing import Process
from threading import Thread

WARM_UP = 5


def work():
    pass


def start_and_join(unit):
    p = unit(target=work)
    p.start()
    p.join()
    return p


def main():
    parser = argparse.ArgumentParser(description="T3: start and join one unit, many times")
    parser.add_argument("model", choices=["process", "thread"])
    parser.add_argument("--repetitions", type=int, default=None,
                        help="default: 200 processes or 2000 threads (about half a second each)")
    args = parser.parse_args()
    unit = Process if args.model == "process" else Thread
    repetitions = args.repetitions or (200 if args.model == "process" else 2000)

    for _ in range(WARM_UP):
        start_and_join(unit)
    failed = 0
    start = time.perf_counter()
    for _ in range(repetitions):
        p = start_and_join(unit)
        failed += args.model == "process" and p.exitcode != 0
    stop = time.perf_counter()

    if failed:
        sys.exit("t3_spawn.py: %d of %d processes failed" % (failed, repetitions))
    per_unit = (stop - start) / repetitions
    print(json.dumps({"model": args.model, "repetitions": repetitions,
                      "start_method": multiprocessing.get_start_method(),
                      "seconds_per_unit": per_unit, "seconds": per_unit}))


if __name__ == "__main__":
    main()
