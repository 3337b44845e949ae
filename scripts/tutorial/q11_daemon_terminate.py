#!/usr/bin/env python3
"""Q11, "a daemon child ends when its parent ends; terminate() kills a child with no clean-up (a
lock it held is never released, its own children are orphaned)".

daemon     a parent process starts a daemon child that would sleep for ``--hold`` seconds, and
           returns; the daemon child must be gone once the parent has exited
           (``daemon_ended``: 1 if so, ``daemon_end_seconds``: from the parent's exit to the
           child's).
terminate  a child takes a multiprocessing.Lock, starts a grandchild that sleeps ``--hold``
           seconds, says so, and sleeps; the main program terminate()s it and joins it. Then
           ``lock_left_taken`` is 1 if the lock cannot be taken within 0.2 s, and
           ``grandchild_orphaned`` 1 if the grandchild still runs (re-parented). This script
           then kills the grandchild itself.

    {"daemon_ended": 1, "daemon_end_seconds": 0.001, "lock_left_taken": 1,
     "grandchild_orphaned": 1, "terminate_seconds": 0.002, ...}

Usage: q11_daemon_terminate.py [--hold SECONDS]
"""
import argparse
import json
import multiprocessing
import os
import signal
import sys
import time
from multiprocessing import Process

LOCK_WAIT = 0.2
GONE_WAIT = 5.0


def sleeper(seconds):
    time.sleep(seconds)


def alive(pid):
    """Whether ``pid`` runs (a zombie counts as gone)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


def wait_gone(pid, limit):
    start = time.perf_counter()
    while alive(pid) and time.perf_counter() - start < limit:
        time.sleep(0.001)
    return not alive(pid), time.perf_counter() - start


def parent_of_daemon(report, hold):
    child = Process(target=sleeper, args=(hold,), daemon=True)
    child.start()
    report.send(child.pid)
    # Returning ends this process; multiprocessing terminates its daemon children on the way out.


def holder(lock, started, hold):
    lock.acquire()
    grandchild = Process(target=sleeper, args=(hold,))
    grandchild.start()
    started.send(grandchild.pid)
    time.sleep(hold)


def main():
    parser = argparse.ArgumentParser(description="Q11: daemon children and terminate()")
    parser.add_argument("--hold", type=float, default=30.0, help="how long the children would sleep")
    args = parser.parse_args()
    result = {"hold_seconds": args.hold}

    report_r, report_w = multiprocessing.Pipe(duplex=False)
    parent = Process(target=parent_of_daemon, args=(report_w, args.hold))
    parent.start()
    daemon_pid = report_r.recv()
    parent.join()
    ended, seconds = wait_gone(daemon_pid, GONE_WAIT)
    result["daemon_ended"], result["daemon_end_seconds"] = int(ended), seconds
    if not ended:
        os.kill(daemon_pid, signal.SIGKILL)

    lock = multiprocessing.Lock()
    started_r, started_w = multiprocessing.Pipe(duplex=False)
    child = Process(target=holder, args=(lock, started_w, args.hold))
    child.start()
    grandchild_pid = started_r.recv()
    start = time.perf_counter()
    child.terminate()
    child.join()
    result["terminate_seconds"] = time.perf_counter() - start
    taken = lock.acquire(timeout=LOCK_WAIT)
    result["lock_left_taken"] = int(not taken)
    result["grandchild_orphaned"] = int(alive(grandchild_pid))
    if alive(grandchild_pid):
        os.kill(grandchild_pid, signal.SIGKILL)
        if not wait_gone(grandchild_pid, GONE_WAIT)[0]:
            sys.exit("q11_daemon_terminate.py: could not kill the orphaned grandchild %d" % grandchild_pid)
    result["seconds"] = result["daemon_end_seconds"] + result["terminate_seconds"]
    print(json.dumps(result))


if __name__ == "__main__":
    main()
