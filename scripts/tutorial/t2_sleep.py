#!/usr/bin/env python3
"""T2, "for I/O-bound work, threads beat processes": the tutorial's own experiment.

400 workers, each running ``time.sleep(2)`` (the tutorial's stand-in for waiting on I/O), are
started together and joined; the wall time of the whole batch is printed as JSON on one line:

    {"model": "threads", "workers": 400, "sleep_seconds": 2.0, "seconds": 2.05, ...}

Usage: t2_sleep.py {processes|threads} [--workers N] [--sleep SECONDS]
The tutorial's workers also print "==>"; that print is left out so that stdout holds only the
JSON line (400 short writes to a pipe change nothing measurable).
"""
import time

from batch import run_from_command_line


def work(seconds):
    time.sleep(seconds)


def main():
    run_from_command_line("t2_sleep.py", "T2: 400 workers, each time.sleep(2)", 400, work, "sleep", 2.0, "sleep_seconds")


if __name__ == "__main__":
    main()
