#!/usr/bin/env python3
"""A STOMP client that subscribes and then never reads again (issue 5's slow consumer).

    python3 Benchmarks/stalled-consumer.py PORT [DESTINATION]

Connects over plain TCP to 127.0.0.1:PORT as bench/bench (STOMP 1.2, no heart-beats, so
the server has no reason but its own limits to end the session), subscribes to
DESTINATION (/topic/bench) with a receipt, prints "subscribed" once the RECEIPT arrives,
then sleeps until killed without reading another byte. The receive buffer is set to its
minimum before connecting, so the TCP window closes after a few KiB and the server's
writes back up at once instead of filling megabytes of kernel buffers first.
"""
import socket
import sys
import time

port = int(sys.argv[1])
destination = sys.argv[2] if len(sys.argv) > 2 else "/topic/bench"

sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
# Must precede connect(): the window scale is fixed by the handshake.
sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 1)
sock.connect(("127.0.0.1", port))
sock.sendall(
    b"CONNECT\naccept-version:1.2\nhost:127.0.0.1\nlogin:bench\npasscode:bench\nheart-beat:0,0\n\n\0"
    + b"SUBSCRIBE\nid:0\ndestination:" + destination.encode() + b"\nack:auto\nreceipt:subscribed\n\n\0"
)

# Read only until the receipt: CONNECTED, then RECEIPT (or an ERROR, which is fatal).
received = b""
while b"receipt-id:subscribed" not in received:
    chunk = sock.recv(4096)
    if not chunk or (received + chunk).startswith(b"ERROR"):
        sys.exit("no receipt: " + (received + chunk).decode(errors="replace"))
    received += chunk
print("subscribed", flush=True)

while True:
    time.sleep(3600)
