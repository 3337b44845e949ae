#!/usr/bin/env python3
"""Q7, inter-process communication: "a pipe is one-way bytes; a file is slow but unbounded; shared
memory is fast but small; a queue is the recommended way; a Manager shares dicts without locking".

Throughput: ``--payload-kib`` KiB of payload, cut into messages of ``--size`` bytes, sent one way
from this process to a forked child through each channel; the child checks every message's
length, keeps a CRC-32 of all bytes and answers count and CRC through a result pipe (the same for
every channel) when it has them all; the timed region ends with that answer, so a channel cannot
look fast by buffering. Message n is a window of random bytes that moves with n.

    pipe           multiprocessing.Pipe(duplex=False), send_bytes/recv_bytes
    queue          multiprocessing.Queue, put/get of bytes
    shared_memory  one multiprocessing.shared_memory slot of one message, handed over with two
                   semaphores (empty/full): fast, but as small as the slot
    file           appended by the writer, read by the child as it grows (it polls)
    thread_queue   the baseline: a queue.Queue between two threads of this interpreter, the
                   same messages and the same checks

Shared state: ``--units`` processes each make ``--updates`` updates of a multiprocessing.Value,
``v.value += 1`` with ``v.get_lock()`` held (value_locked) and without (value_unlocked); and
``--manager-updates`` each of a Manager dict, ``d["num"] = d["num"] + 1``, the tutorial's
get-then-set, without a lock (manager_get_set) and under a multiprocessing.Lock
(manager_locked). Lost updates are what the final count misses.

    {"size": 64, "payload_kib": 256, "pipe_mib_per_second": 3.1, ..., "value_locked_updates_per_second": 5e5,
     "value_unlocked_lost": 51234, ..., "manager_get_set_lost": 210, ...}

With ``--updates 0`` only the channels run.

Usage: q7_ipc.py [--size BYTES] [--payload-kib N] [--units N] [--updates N] [--manager-updates N]
"""
import argparse
import json
import multiprocessing
import os
import queue
import random
import shutil
import sys
import tempfile
import threading
import time
import zlib
from multiprocessing import Process, shared_memory
from threading import Thread

STOP = None
POLL_SECONDS = 0.0001


def messages(size, count):
    """Message n: ``size`` bytes of a random block, starting at a position that moves with n."""
    block = random.Random(size).randbytes(2 * size)
    for n in range(count):
        offset = n % size
        yield block[offset:offset + size]


class Pipe:
    def __init__(self, size):
        self.reader, self.writer = multiprocessing.Pipe(duplex=False)

    def send(self, message):
        self.writer.send_bytes(message)

    def receive(self):
        return self.reader.recv_bytes()


class MpQueue:
    def __init__(self, size):
        self.queue = multiprocessing.Queue()

    def send(self, message):
        self.queue.put(message)

    def receive(self):
        return self.queue.get()


class ThreadQueue(MpQueue):
    def __init__(self, size):
        self.queue = queue.Queue()


class SharedSlot:
    """One message-sized slot of shared memory, handed back and forth with two semaphores."""

    def __init__(self, size):
        self.memory = shared_memory.SharedMemory(create=True, size=size)
        self.size = size
        self.empty = multiprocessing.Semaphore(1)
        self.full = multiprocessing.Semaphore(0)

    def send(self, message):
        self.empty.acquire()
        self.memory.buf[:len(message)] = message
        self.full.release()

    def receive(self):
        self.full.acquire()
        message = bytes(self.memory.buf[:self.size])
        self.empty.release()
        return message

    def close(self):
        self.memory.close()
        self.memory.unlink()


class AppendedFile:
    """The writer appends; the reader reads what has been appended since, polling at the end."""

    def __init__(self, size, folder):
        self.path = os.path.join(folder, "channel.bin")
        self.size = size
        open(self.path, "wb").close()
        self.out = None
        self.pending = b""

    def send(self, message):
        if self.out is None:
            self.out = open(self.path, "ab", buffering=0)
        self.out.write(message)

    def receive(self):
        if not hasattr(self, "source"):
            self.source = open(self.path, "rb", buffering=0)
        while len(self.pending) < self.size:
            more = self.source.read(self.size - len(self.pending))
            if more:
                self.pending += more
            else:
                time.sleep(POLL_SECONDS)
        message, self.pending = self.pending[:self.size], self.pending[self.size:]
        return message


def consume(channel, count, size, answer):
    """The receiving end: every message, checked for length, then (count, crc) on ``answer``."""
    crc = 0
    for _ in range(count):
        message = channel.receive()
        if len(message) != size:
            raise RuntimeError("a message of %d bytes, not %d" % (len(message), size))
        crc = zlib.crc32(message, crc)
    answer.send((count, crc))


def throughput(name, unit, channel, size, count):
    """MiB per second of payload through ``channel`` to a ``unit`` at the other end."""
    answer_r, answer_w = multiprocessing.Pipe(duplex=False)
    peer = unit(target=consume, args=(channel, count, size, answer_w))
    peer.start()  # outside the timed region: this times the channel, not a fork
    start = time.perf_counter()
    crc = 0
    for message in messages(size, count):
        crc = zlib.crc32(message, crc)
        channel.send(message)
    received = answer_r.recv()
    seconds = time.perf_counter() - start
    peer.join()
    if received != (count, crc):
        raise RuntimeError("%s: the peer got %s, %s was sent" % (name, received, (count, crc)))
    return count * size / (1 << 20) / seconds


def add_to_value(value, updates, locked):
    for _ in range(updates):
        if locked:
            with value.get_lock():
                value.value += 1
        else:
            value.value += 1  # a locked read, then a locked write: not one step


def add_to_dict(shared, updates, lock):
    for _ in range(updates):
        if lock is None:
            shared["num"] = shared["num"] + 1  # the tutorial's get-then-set
        else:
            with lock:
                shared["num"] = shared["num"] + 1


def updates_race(target, store, read, units, updates, extra):
    """``units`` processes run ``target``; returns (updates per second, lost updates)."""
    workers = [Process(target=target, args=(store, updates, extra)) for _ in range(units)]
    start = time.perf_counter()
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    seconds = time.perf_counter() - start
    if any(w.exitcode != 0 for w in workers):
        raise RuntimeError("an updating process failed: %s" % [w.exitcode for w in workers])
    return units * updates / seconds, units * updates - read(store)


def main():
    parser = argparse.ArgumentParser(description="Q7: IPC channels' throughput and shared state's lost updates")
    parser.add_argument("--size", type=int, default=64, help="bytes per message")
    parser.add_argument("--payload-kib", type=int, default=1024)
    parser.add_argument("--units", type=int, default=4)
    parser.add_argument("--updates", type=int, default=100_000)
    parser.add_argument("--manager-updates", type=int, default=100)
    args = parser.parse_args()
    count = args.payload_kib * 1024 // args.size if args.size > 0 else 0
    if count < 1 or args.units < 1 or args.updates < 0 or args.manager_updates < 0:
        sys.exit("q7_ipc.py: need at least one message and one unit, and no negative update count")
    result = {"size": args.size, "payload_kib": args.payload_kib, "messages": count, "units": args.units,
              "updates": args.updates, "manager_updates": args.manager_updates}
    start = time.perf_counter()
    folder = tempfile.mkdtemp(prefix="q7-ipc-")  # owner-only
    try:
        channels = (("pipe", Process, Pipe(args.size)), ("queue", Process, MpQueue(args.size)),
                    ("shared_memory", Process, SharedSlot(args.size)),
                    ("file", Process, AppendedFile(args.size, folder)),
                    ("thread_queue", Thread, ThreadQueue(args.size)))
        for name, unit, channel in channels:
            result[name + "_mib_per_second"] = throughput(name, unit, channel, args.size, count)
            if isinstance(channel, SharedSlot):
                channel.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    if args.updates:
        shared_state(args, result)
    result["seconds"] = time.perf_counter() - start
    print(json.dumps(result))


def shared_state(args, result):
    """The Value and Manager races, into ``result``; exits if a locked update was lost."""
    for case, locked in (("value_locked", True), ("value_unlocked", False)):
        value = multiprocessing.Value("i", 0)
        rate, lost = updates_race(add_to_value, value, lambda v: v.value, args.units, args.updates, locked)
        result[case + "_updates_per_second"], result[case + "_lost"] = rate, lost
    if not args.manager_updates:
        return
    with multiprocessing.Manager() as manager:
        for case, lock in (("manager_get_set", None), ("manager_locked", multiprocessing.Lock())):
            shared = manager.dict({"num": 0})
            rate, lost = updates_race(add_to_dict, shared, lambda d: d["num"], args.units, args.manager_updates, lock)
            result[case + "_updates_per_second"], result[case + "_lost"] = rate, lost
    if result["value_locked_lost"] or result["manager_locked_lost"]:
        sys.exit("q7_ipc.py: a locked update was lost: %s" % result)


if __name__ == "__main__":
    main()
