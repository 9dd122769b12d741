#!/usr/bin/env python3
"""A real SMTP server on 127.0.0.1 for citygrants' mail tests (Debian's python3-aiosmtpd).

usage: smtp_sink.py FOLDER [--port N]

Listens on 127.0.0.1 (a free port unless --port says which), prints the port on stdout once it
accepts connections, and stores each message it accepts as FOLDER/NNNNNN.json:
  {"mail_from", "rcpt_tos", "subject", "body", "message_id", "content_language", "raw"}
with the subject and body decoded (RFC 2047 words, quoted-printable, UTF-8), the body's line
ends as "\\n". While the file FOLDER/refuse exists, every recipient is refused with a 451 (a
relay that asks to try again later); a recipient listed in FOLDER/reject (one address a line)
is refused with a 550 (a mailbox that does not exist: a permanent refusal). Stops when its standard input closes (the test ended, or
died) or on SIGTERM/SIGINT.
"""

import argparse
import itertools
import json
import os
import signal
import socket
import sys
import threading
from email import policy
from email.parser import BytesParser

from aiosmtpd.controller import Controller


class Sink:
    """The handler: refuses while FOLDER/refuse exists, else stores each message."""

    def __init__(self, folder):
        self.folder = folder
        self.numbers = itertools.count(1)
        self.lock = threading.Lock()

    def refusing(self):
        return os.path.exists(os.path.join(self.folder, "refuse"))

    def rejected(self, address):
        try:
            with open(os.path.join(self.folder, "reject"), encoding="utf-8") as listed:
                return address in (line.strip() for line in listed)
        except FileNotFoundError:
            return False

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refusing():
            return "451 4.3.0 Mailbox temporarily unavailable, try again later"
        if self.rejected(address):
            return "550 5.1.1 Mailbox unavailable: no such user"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = BytesParser(policy=policy.default).parsebytes(raw)
        body = message.get_content() if not message.is_multipart() else ""
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": list(envelope.rcpt_tos),
            "subject": str(message.get("subject", "")),
            "body": body.replace("\r\n", "\n"),
            "message_id": str(message.get("message-id", "")),
            "content_language": str(message.get("content-language", "")),
            "raw": raw.decode("utf-8", errors="replace"),
        }
        with self.lock:
            number = next(self.numbers)
        path = os.path.join(self.folder, "%06d.json" % number)
        # Written whole before the reply: a client that got "250" finds the file.
        with open(path + ".tmp", "w", encoding="utf-8") as out:
            json.dump(record, out, ensure_ascii=False)
        os.replace(path + ".tmp", path)
        return "250 2.0.0 Message accepted for delivery"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", help="where each accepted message is stored as a .json file")
    parser.add_argument("--port", type=int, default=0, help="the port (default: a free one)")
    args = parser.parse_args()
    if not os.path.isdir(args.folder):
        sys.exit("smtp_sink.py: %s is not a folder" % args.folder)
    port = args.port or free_port()
    controller = Controller(Sink(args.folder), hostname="127.0.0.1", port=port)
    controller.start()  # returns once the server answers
    stop = threading.Event()
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda *_: stop.set())
    threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()
    print(port, flush=True)
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()
