#!/usr/bin/env python3
"""Q6, the tutorial's ticket booking: a lock makes only buy() serial; join after each start
makes the whole buyer serial; without a lock, buyers oversell.

The office is a JSON file ``{"count": N}`` in a private temp folder. Each buyer searches (reads
the count), pauses, then buys: reads the count, pauses (the tutorial's demo sleeps there), and if
a ticket is left writes back count - 1. The pauses are ``--think`` milliseconds, as the JVM's
TicketBookingBenchmark. One rush: ``--buyers`` buyers try once each, as processes or threads,
under one guard:

    no_lock  all start at once, nothing guards buy()
    lock     all start at once, buy() under a multiprocessing.Lock (processes) or a
             threading.Lock (threads)
    serial   no lock, each buyer joined right after its start

Each case runs ``--rushes`` rushes; per case the JSON line has the mean seconds of a rush, the
tickets oversold over all rushes (sold minus what the count shows as gone: each is a lost
update) and the rushes with at least one oversold:

    {"buyers": 10, "tickets": 5, "think_ms": 5, "rushes": 5,
     "processes_no_lock_seconds": 0.02, "processes_no_lock_oversold": 20,
     "processes_no_lock_rushes_oversold": 5, ...}

Usage: q6_tickets.py [--buyers N] [--tickets N] [--think MS] [--rushes N]
"""
import argparse
import json
import multiprocessing
import os
import shutil
import sys
import tempfile
import threading
import time
from multiprocessing import Process
from threading import Thread

SOLD = 0
NONE_LEFT = 3


class NoLock:
    """The no_lock and serial guard: nothing."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return False


def write_count(office, count):
    """Writes a new file and renames it over the office: a reader never sees a half-written
    count (the tutorial's json.dump into the open file can be read empty). The read-modify-write
    race, which the claim is about, stays."""
    temp = "%s.%d.%d" % (office, os.getpid(), threading.get_ident())
    with open(temp, "w") as f:
        json.dump({"count": count}, f)
    os.replace(temp, office)


def read_count(office):
    with open(office) as f:
        return json.load(f)["count"]


def buyer(office, guard, think, outcome, index):
    """search, then buy under ``guard``; records SOLD or NONE_LEFT in outcome[index]."""
    read_count(office)  # search
    time.sleep(think)
    with guard:
        count = read_count(office)
        time.sleep(think)
        if count > 0:
            write_count(office, count - 1)
            outcome[index] = SOLD
        else:
            outcome[index] = NONE_LEFT


def rush(model, guard_name, office, buyers, tickets, think):
    """One rush; returns (seconds, tickets oversold)."""
    write_count(office, tickets)
    if model == "processes":
        unit = Process
        guard = multiprocessing.Lock() if guard_name == "lock" else NoLock()
        outcome = multiprocessing.Array("i", [-1] * buyers, lock=False)  # each buyer writes its own slot
    else:
        unit = Thread
        guard = threading.Lock() if guard_name == "lock" else NoLock()
        outcome = [-1] * buyers
    units = []
    start = time.perf_counter()
    for i in range(buyers):
        u = unit(target=buyer, args=(office, guard, think, outcome, i))
        units.append(u)
        u.start()
        if guard_name == "serial":
            u.join()
    for u in units:
        u.join()
    seconds = time.perf_counter() - start
    if any(o not in (SOLD, NONE_LEFT) for o in outcome):
        raise RuntimeError("a %s buyer (%s) did not finish: %s" % (model, guard_name, list(outcome)))
    sold = sum(1 for o in outcome if o == SOLD)
    gone = tickets - read_count(office)
    return seconds, sold - gone


def main():
    parser = argparse.ArgumentParser(description="Q6: the tutorial's ticket booking, with and without a lock")
    parser.add_argument("--buyers", type=int, default=10)
    parser.add_argument("--tickets", type=int, default=5)
    parser.add_argument("--think", type=float, default=5, help="milliseconds")
    parser.add_argument("--rushes", type=int, default=5)
    args = parser.parse_args()
    if args.buyers < 1 or args.tickets < 0 or args.think < 0 or args.rushes < 1:
        sys.exit("q6_tickets.py: need at least one buyer and one rush, and no negative size")
    folder = tempfile.mkdtemp(prefix="q6-tickets-")  # owner-only
    try:
        office = os.path.join(folder, "tickets.json")
        result = {"buyers": args.buyers, "tickets": args.tickets, "think_ms": args.think, "rushes": args.rushes}
        total = 0.0
        for model in ("processes", "threads"):
            for guard in ("no_lock", "lock", "serial"):
                runs = [rush(model, guard, office, args.buyers, args.tickets, args.think / 1000) for _ in range(args.rushes)]
                case = "%s_%s" % (model, guard)
                result[case + "_seconds"] = sum(s for s, _ in runs) / len(runs)
                result[case + "_oversold"] = sum(o for _, o in runs)
                result[case + "_rushes_oversold"] = sum(1 for _, o in runs if o > 0)
                total += sum(s for s, _ in runs)
                if guard != "no_lock" and result[case + "_oversold"]:
                    sys.exit("q6_tickets.py: %s oversold %d tickets" % (case, result[case + "_oversold"]))
        result["seconds"] = total
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(json.dumps(result))


if __name__ == "__main__":
    main()
