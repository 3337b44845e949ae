#!/usr/bin/env python3
"""Q10, the tutorial's upper-casing echo servers: a process or a thread per TCP connection, and a
UDP server that needs no connection.

    process  the tutorial's server: accept(), then Process(target=task, args=(conn,)).start()
    thread   the same with Thread(target=task, args=(conn,))
    udp      recvfrom, then sendto(data.upper(), client_addr), in one loop

``task`` is the tutorial's: ``conn.recv(1024)`` and ``conn.send(data.upper())`` until the client
closes (the tutorial loops on an empty read with ``continue``, which spins forever on a closed
connection; here it ends). The parent closes its copy of each connection after handing it over.
The server binds 127.0.0.1 only, on the port given (0: one the OS picks), prints one JSON line

    {"port": 40123, "pid": 1234}

and serves until it is killed (the cross-check kills it with every process it started). The load
comes from the suite's own load generator (benchmarks' net/EchoLoad), which measures requests per
second and latency; this script measures nothing itself.

Usage: q10_echo.py {process|thread|udp} [--port N]
"""
import argparse
import json
import os
import socket
from multiprocessing import Process
from threading import Thread

LOOPBACK = "127.0.0.1"
# As the JVM servers ask: enough for the load generator's batches of connects.
BACKLOG = 10_000


def task(conn):
    with conn:
        while True:
            try:
                data = conn.recv(1024)
            except ConnectionError:
                break
            if not data:
                break
            conn.sendall(data.upper())


def serve_tcp(unit, port):
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind((LOOPBACK, port))
    server.listen(BACKLOG)
    announce(server)
    while True:
        conn, _ = server.accept()
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        unit(target=task, args=(conn,), daemon=True).start()
        if unit is Process:
            conn.close()  # the child has its own copy


def serve_udp(port):
    server = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    server.bind((LOOPBACK, port))
    announce(server)
    while True:
        data, client_addr = server.recvfrom(1024)
        server.sendto(data.upper(), client_addr)


def announce(server):
    print(json.dumps({"port": server.getsockname()[1], "pid": os.getpid()}), flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="the tutorial's echo servers (upper-cased), on 127.0.0.1")
    parser.add_argument("style", choices=["process", "thread", "udp"])
    parser.add_argument("--port", type=int, default=0)
    arguments = parser.parse_args()
    try:
        if arguments.style == "udp":
            serve_udp(arguments.port)
        else:
            serve_tcp(Process if arguments.style == "process" else Thread, arguments.port)
    except KeyboardInterrupt:
        pass
