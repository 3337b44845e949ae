#!/usr/bin/env python3
"""Q12, "the CPU gives up a task when it blocks on I/O or when its time slice is used up": does a
unit that wants the CPU for an instant get it while others compute without end?

A probe thread of this interpreter wants to wake every millisecond, ``--ticks`` times (its
lateness per tick: when it woke, minus when it was due). Meanwhile 2 x CPUs CPU-bound hogs run, as
the JVM's TimeSliceBenchmark (hogsPerCore 2):

    alone      no hogs: the baseline
    threads    the hogs are threads of this interpreter: the probe needs the GIL back, which a
               hog hands over only when asked and the switch interval (sys.getswitchinterval(),
               5 ms by default) has passed
    processes  the hogs are processes: only the OS scheduler's time slices are between them

The hogs stop when the probe is done, or at ``--hog-limit`` seconds after they started, so a
starved probe cannot make a run endless (``..._hog_limit_reached`` says it happened). Per case,
the 50th and 99th percentile and the largest lateness in microseconds:

    {"ticks": 200, "hogs": 4, "alone_p50_micros": 80, "threads_p99_micros": 10200, ...}

Usage: q12_slicing.py [--ticks N] [--hog-limit SECONDS] [--hogs-per-cpu N]
"""
import argparse
import json
import multiprocessing
import os
import sys
import threading
import time
from multiprocessing import Process
from threading import Thread

PERIOD = 0.001
CHECK_EVERY = 10_000


def hog(stop, deadline):
    """Computes until ``stop`` is set or the monotonic ``deadline`` passes."""
    x = 0
    while not stop.is_set() and time.monotonic() < deadline:
        for i in range(CHECK_EVERY):
            x += i * i


def probe(ticks):
    """Latenesses in seconds of ``ticks`` wake-ups due every PERIOD."""
    late = []
    due = time.monotonic()
    for _ in range(ticks):
        due += PERIOD
        wait = due - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        late.append(time.monotonic() - due)
    return late


def percentile(sorted_values, p):
    return sorted_values[min(len(sorted_values) - 1, int(p / 100 * len(sorted_values)))]


def run_case(model, hogs, ticks, hog_limit):
    """(latenesses, whether the hogs were stopped by their limit) with ``hogs`` hogs of ``model``."""
    unit, stop = (Process, multiprocessing.Event()) if model == "processes" else (Thread, threading.Event())
    result = {}
    probe_thread = Thread(target=lambda: result.update(late=probe(ticks)))
    probe_thread.start()  # first, as in the JVM's: the question is whether a running unit gets the CPU back
    deadline = time.monotonic() + hog_limit
    units = [unit(target=hog, args=(stop, deadline)) for _ in range(hogs)]
    for u in units:
        u.start()
    probe_thread.join()
    reached = time.monotonic() >= deadline
    stop.set()
    for u in units:
        u.join()
    return result["late"], reached


def main():
    parser = argparse.ArgumentParser(description="Q12: a 1 ms probe among CPU-bound threads or processes")
    parser.add_argument("--ticks", type=int, default=200)
    parser.add_argument("--hog-limit", type=float, default=1.0, help="seconds")
    parser.add_argument("--hogs-per-cpu", type=int, default=2)
    args = parser.parse_args()
    if args.ticks < 1 or not args.hog_limit > 0 or args.hogs_per_cpu < 1:
        sys.exit("q12_slicing.py: --ticks and --hogs-per-cpu must be at least 1, --hog-limit positive")
    hogs = args.hogs_per_cpu * len(os.sched_getaffinity(0))
    result = {"ticks": args.ticks, "hogs": hogs, "hog_limit_seconds": args.hog_limit,
              "switch_interval_seconds": sys.getswitchinterval()}
    start = time.perf_counter()
    for case, model, count in (("alone", "threads", 0), ("threads", "threads", hogs), ("processes", "processes", hogs)):
        late, reached = run_case(model, count, args.ticks, args.hog_limit)
        late.sort()
        for name, value in (("p50", percentile(late, 50)), ("p99", percentile(late, 99)), ("max", late[-1])):
            result["%s_%s_micros" % (case, name)] = max(0.0, value) * 1e6
        result[case + "_hog_limit_reached"] = int(reached and count > 0)
    result["seconds"] = time.perf_counter() - start
    print(json.dumps(result))


if __name__ == "__main__":
    main()
