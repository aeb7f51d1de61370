"""stomp.py 9 against pglive serve, over TCP and over WebSocket."""

import threading
import uuid

import pytest
import stomp

from conftest import wait_for


class Collector(stomp.ConnectionListener):
    """Records messages, receipts and errors; tests wait on them with deadlines."""

    def __init__(self):
        self.lock = threading.Lock()
        self.messages = []
        self.receipts = []
        self.errors = []

    def on_message(self, frame):
        with self.lock:
            self.messages.append(frame)

    def on_receipt(self, frame):
        with self.lock:
            self.receipts.append(frame.headers["receipt-id"])

    def on_error(self, frame):
        with self.lock:
            self.errors.append(frame)

    def wait_receipt(self, receipt):
        wait_for(lambda: receipt in self.receipts or self.errors, f"receipt {receipt}", timeout=15)
        assert not self.errors, [frame.headers for frame in self.errors]

    def wait_messages(self, count):
        wait_for(lambda: len(self.messages) >= count or self.errors, f"{count} messages", timeout=15)
        assert not self.errors, [frame.headers for frame in self.errors]
        return self.messages[:count]


def connect(server, transport):
    if transport == "tcp":
        connection = stomp.Connection12([("127.0.0.1", server["stomp"])])
    else:
        connection = stomp.WSConnection(
            [("127.0.0.1", server["http"])], ws_path="/stomp",
            header={"Sec-WebSocket-Protocol": "v12.stomp"}, vhost="127.0.0.1")
    collector = Collector()
    connection.set_listener("collector", collector)
    connection.connect("alice", "secret", wait=True, with_connect_command=True)
    return connection, collector


@pytest.mark.parametrize("transport", ["tcp", "ws"])
@pytest.mark.parametrize("ack", ["auto", "client", "client-individual"])
def test_subscribe_send_receive_ack_disconnect(server, transport, ack):
    topic = f"/topic/interop.{transport}.{ack}.{uuid.uuid4().hex[:8]}"
    connection, collector = connect(server, transport)
    connection.subscribe(destination=topic, id="1", ack=ack, headers={"receipt": "subscribed"})
    collector.wait_receipt("subscribed")

    for n in range(3):
        connection.send(destination=topic, body=f"hello {n}", headers={"x-n": str(n)}, content_type="text/plain")

    messages = collector.wait_messages(3)
    assert [frame.body for frame in messages] == ["hello 0", "hello 1", "hello 2"]
    assert [frame.headers["x-n"] for frame in messages] == ["0", "1", "2"]
    assert all(frame.headers["op"] == "EVENT" and "position" in frame.headers for frame in messages)
    if ack != "auto":
        for frame in messages:
            connection.ack(frame.headers["ack"])
    connection.disconnect(receipt="bye")
    collector.wait_receipt("bye")


@pytest.mark.parametrize("transport", ["tcp", "ws"])
def test_transaction_commit_delivers_and_abort_does_not(server, transport):
    topic = f"/topic/interop.tx.{transport}.{uuid.uuid4().hex[:8]}"
    connection, collector = connect(server, transport)
    connection.subscribe(destination=topic, id="1", headers={"receipt": "subscribed"})
    collector.wait_receipt("subscribed")

    aborted = connection.begin()
    connection.send(destination=topic, body="aborted", transaction=aborted)
    connection.abort(aborted)
    committed = connection.begin()
    connection.send(destination=topic, body="committed", transaction=committed)
    connection.commit(committed, headers={"receipt": "committed"})
    collector.wait_receipt("committed")

    assert [frame.body for frame in collector.wait_messages(1)] == ["committed"]
    connection.disconnect(receipt="bye")
    collector.wait_receipt("bye")
    assert len(collector.messages) == 1
