#!/usr/bin/env python3
"""Q9, the tutorial's log scan: a process pool for CPU-bound work. ``find_robots`` gunzips one
web-server log and collects the hosts that fetched /robots.txt; ``pool.map`` runs it over every
log and the host sets are merged, with a ProcessPoolExecutor and a ThreadPoolExecutor, each at
its default size, each created inside the timed region (``with ...Executor() as pool``), as a
program that scans once runs it.

The logs are the JVM's own (the cross-check writes them with the suite's AccessLogs generator,
the same seed and sizes as LogScanBenchmark) into ``--logs``; ``--expected`` is a file with the
host set they must give, space-separated. Both pools' sets are checked against it:

    {"files": 32, "process_pool_seconds": 0.41, "process_pool_workers": 2,
     "thread_pool_seconds": 0.93, "thread_pool_workers": 6, "hosts": 198, ...}

Usage: q9_log_scan.py --logs FOLDER --expected FILE [--files N] [--lines-per-file N] [--seed N]
"""
import argparse
import glob
import gzip
import json
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor


def find_robots(filename):
    """The tutorial's find_robots, as it is."""
    robots = set()
    with gzip.open(filename) as f:
        for line in f:
            fields = line.split()
            if fields[6] == b"/robots.txt":
                ipaddr = fields[0]
                robots.add(ipaddr)
    return robots


def find_all_robots(executor, files):
    start = time.perf_counter()
    with executor() as pool:
        hosts = set()
        for robots in pool.map(find_robots, files):
            hosts.update(robots)
        workers = pool._max_workers
    return time.perf_counter() - start, workers, {h.decode("ascii") for h in hosts}


def main():
    parser = argparse.ArgumentParser(description="Q9: the tutorial's robots.txt log scan, process pool vs thread pool")
    parser.add_argument("--logs", required=True, help="folder of access-*.log.gz files")
    parser.add_argument("--expected", required=True, help="file of the expected hosts, space-separated")
    parser.add_argument("--files", type=int, default=None, help="how many logs there must be")
    parser.add_argument("--lines-per-file", type=int, default=None, help="as the logs were written (for the record)")
    parser.add_argument("--seed", type=int, default=None, help="as the logs were written (for the record)")
    args = parser.parse_args()
    files = sorted(glob.glob(os.path.join(args.logs, "access-*.log.gz")))
    if not files or (args.files is not None and len(files) != args.files):
        sys.exit("q9_log_scan.py: %d logs in %s, expected %s" % (len(files), args.logs, args.files or "some"))
    with open(args.expected) as f:
        expected = set(f.read().split())
    result = {"files": len(files), "lines_per_file": args.lines_per_file, "seed": args.seed, "hosts": len(expected)}
    for name, executor in (("process_pool", ProcessPoolExecutor), ("thread_pool", ThreadPoolExecutor)):
        seconds, workers, hosts = find_all_robots(executor, files)
        if hosts != expected:
            sys.exit("q9_log_scan.py: the %s found %d hosts, %d expected, %d in common"
                     % (name, len(hosts), len(expected), len(hosts & expected)))
        result[name + "_seconds"], result[name + "_workers"] = seconds, workers
    result["seconds"] = result["process_pool_seconds"] + result["thread_pool_seconds"]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
