"""Slow clients for ops/bench/hostile: a slowloris on loopback, Python 3 standard library only.

Keeps N connections open (or connecting) to 127.0.0.1:PORT at all times. Each sends a request
line and then headers one byte every SLOW_INTERVAL seconds and never the empty line that ends
them. When the server closes one (an answer such as 408, 429 or 503, a silent close, a reset),
its status is counted and the slot opens a new connection, at most one attempt per slot per
SLOW_INTERVAL, so a server that refuses at once sees N/SLOW_INTERVAL connects a second, not a
busy loop. The connections come from 127.0.0.2, 127.0.0.3, ... (127.0.x.y past .255), PER_ADDRESS
from each, so that a per-address cap of the server is not what is measured.

  usage: /usr/bin/python3 slow_clients.py PORT N STATUS_FILE   env: SLOW_INTERVAL=1 PER_ADDRESS=20
STATUS_FILE holds "OPEN CONNECTING", rewritten four times a second. On SIGTERM or SIGINT, prints
one line of JSON: connections opened, answers by status, silent closes, resets, connect errors,
and how many were open and connecting at the end.
"""
import asyncio
import json
import os
import random
import signal
import sys
import time

PORT, N, STATUS_FILE = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
INTERVAL = float(os.environ.get("SLOW_INTERVAL", "1"))
PER_ADDRESS = int(os.environ.get("PER_ADDRESS", "20"))
stats = {"opened": 0, "answers": {}, "closed_without_answer": 0, "resets": 0,
         "connect_errors": {}, "open": 0, "connecting": 0}


def source_address(slot):
    """127.0.0.2 for the first PER_ADDRESS slots, then 127.0.0.3, ...; never 127.0.0.1."""
    k = 2 + slot // PER_ADDRESS
    return f"127.0.{k // 256}.{k % 256}"


def request_bytes():
    """A request line and headers without end, one byte at a time."""
    yield from b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow-clients\r\n"
    k = 0
    while True:
        yield from b"X-Slow-%d: 1\r\n" % k
        k += 1


def count(table, key):
    table[key] = table.get(key, 0) + 1


async def send_slowly(writer):
    try:
        for byte in request_bytes():
            writer.write(bytes([byte]))
            await writer.drain()
            await asyncio.sleep(INTERVAL)
    except OSError:
        pass  # the server closed it: the reader sees why


async def one_connection(source):
    stats["connecting"] += 1
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", PORT, local_addr=(source, 0))
    except OSError as e:
        count(stats["connect_errors"], e.__class__.__name__)
        return
    finally:
        stats["connecting"] -= 1
    stats["opened"] += 1
    stats["open"] += 1
    sender = asyncio.create_task(send_slowly(writer))
    try:
        answer = await reader.read(4096)  # until the server answers or closes
        if answer.startswith(b"HTTP/"):
            count(stats["answers"], answer.split(b" ", 2)[1].decode("ascii", "replace"))
        elif answer:
            count(stats["answers"], "not HTTP")
        else:
            stats["closed_without_answer"] += 1
    except ConnectionResetError:
        stats["resets"] += 1
    except OSError as e:
        count(stats.setdefault("read_errors", {}), e.__class__.__name__)
    finally:
        stats["open"] -= 1
        sender.cancel()
        writer.close()


async def slot(k):
    source = source_address(k)
    await asyncio.sleep(random.uniform(0, INTERVAL))  # spread the bytes over the interval
    while True:
        started = time.monotonic()
        await one_connection(source)
        await asyncio.sleep(max(0.0, INTERVAL - (time.monotonic() - started)))


async def write_status():
    while True:
        with open(STATUS_FILE + ".tmp", "w") as f:
            f.write(f"{stats['open']} {stats['connecting']}\n")
        os.replace(STATUS_FILE + ".tmp", STATUS_FILE)
        await asyncio.sleep(0.25)


async def main():
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    tasks = [asyncio.create_task(slot(k)) for k in range(N)] + [asyncio.create_task(write_status())]
    await stop.wait()
    summary = dict(stats, slow=N, open_at_end=stats["open"], connecting_at_end=stats["connecting"])
    del summary["open"], summary["connecting"]
    print(json.dumps(summary), flush=True)
    for t in tasks:
        t.cancel()
    await asyncio.gather(*tasks, return_exceptions=True)


if __name__ == "__main__":
    asyncio.run(main())
