#!/usr/bin/env python3
"""Q4 and Q10 in asyncio: the tutorial's upper-casing echo server, on asyncio streams.

Each connection is served by one coroutine: it reads a line, writes it back upper-cased
(``data.upper()``, as the tutorial's server does), until the client closes. The server binds
127.0.0.1 only, on the port given (0: one the OS picks), and prints one JSON line saying which:

    {"port": 40123, "pid": 1234}

then serves until it is killed (the cross-check kills it, and anything it started, when done). The load comes
from the suite's own load generator (benchmarks' net/EchoLoad), which measures requests per second
and latency; this script measures nothing itself.

Usage: asyncio_echo.py [--port N]
"""
import argparse
import asyncio
import json
import os

LOOPBACK = "127.0.0.1"
# The load generator's longest line is about 40 bytes; a longer one ends that connection.
MAX_LINE = 1024
# As the JVM servers ask: enough for the load generator's batches of connects.
BACKLOG = 10_000


async def serve_client(reader, writer):
    try:
        while True:
            line = await reader.readline()
            if not line:
                break
            writer.write(line.upper())
            await writer.drain()
    except (ConnectionError, asyncio.LimitOverrunError, ValueError):
        pass
    finally:
        writer.close()


async def main(port):
    server = await asyncio.start_server(serve_client, LOOPBACK, port, limit=MAX_LINE, backlog=BACKLOG)
    print(json.dumps({"port": server.sockets[0].getsockname()[1], "pid": os.getpid()}), flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="asyncio streams echo server (upper-cased), on 127.0.0.1")
    parser.add_argument("--port", type=int, default=0)
    arguments = parser.parse_args()
    try:
        asyncio.run(main(arguments.port))
    except KeyboardInterrupt:
        pass
