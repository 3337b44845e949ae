"""The tutorial's batch, shared by T1 and T2: start every worker, then join them all, and time it.

Imported by the scripts beside it (Python puts a script's own folder first on the path, so each
script still runs by hand: ``python3 scripts/tutorial/t1_cpu_bound.py threads``).
"""
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
