#!/usr/bin/env python3
"""T1, "for CPU-bound work, processes beat threads": the tutorial's own experiment.

Four workers, each running ``res=0; for i in range(100_000_000): res*=i``, are started
together and joined; the wall time of the whole batch is printed as JSON on one line:

    {"model": "processes", "workers": 4, "iterations": 100000000, "seconds": 3.41, ...}

Usage: t1_cpu_bound.py {processes|threads} [--workers N] [--iterations N]
Processes use multiprocessing's default start method for this platform, as the tutorial did.
"""
from batch import run_from_command_line


def work(iterations):
    # The tutorial's loop, unchanged: res stays 0, but CPython computes every step.
    res = 0
    for i in range(iterations):
        res *= i


def main():
    run_from_command_line("t1_cpu_bound.py", "T1: 4 workers x a 100 000 000-iteration CPU loop", 4, work,
                          "iterations", 100_000_000, "iterations")


if __name__ == "__main__":
    main()
