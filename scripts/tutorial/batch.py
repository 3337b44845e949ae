"""The tutorial's batch, shared by T1 and T2: start every worker, then join them all, and time it;
and the command line both scripts read and the JSON line both print.

Imported by the scripts beside it (Python puts a script's own folder first on the path, so each
script still runs by hand: ``python3 scripts/tutorial/t1_cpu_bound.py threads``).
"""
import argparse
import json
import multiprocessing
import sys
import time
from multiprocessing import Process
from threading import Thread


def start_all_then_join(model, count, target, args):
    """Start ``count`` workers running ``target(*args)`` as processes or threads, then join them all.

    Returns the workers (a process's exitcode is there to check) and the wall seconds from just
    before the first start to just after the last join, the tutorial's timed region.
    """
    unit = Process if model == "processes" else Thread
    workers = []
    start = time.perf_counter()
    for _ in range(count):
        p = unit(target=target, args=args)
        workers.append(p)
        p.start()
    for p in workers:
        p.join()
    return workers, time.perf_counter() - start


def run_from_command_line(script, description, workers, work, argument, default, key):
    """Reads ``{processes|threads} [--workers N] [--ARGUMENT VALUE]``, runs the batch of
    ``work(VALUE)`` and prints its JSON line, in which ``key`` names VALUE; exits non-zero, naming
    ``script``, when a worker process failed.
    """
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("model", choices=["processes", "threads"])
    parser.add_argument("--workers", type=int, default=workers)
    parser.add_argument("--" + argument, type=type(default), default=default)
    args = parser.parse_args()
    value = getattr(args, argument)
    done, seconds = start_all_then_join(args.model, args.workers, work, (value,))

    failed = [p.exitcode for p in done if args.model == "processes" and p.exitcode != 0]
    if failed:
        sys.exit("%s: %d of %d worker processes failed: exit codes %s" % (script, len(failed), args.workers, failed))
    print(json.dumps({"model": args.model, "workers": args.workers, key: value,
                      "start_method": multiprocessing.get_start_method(), "seconds": seconds}))
