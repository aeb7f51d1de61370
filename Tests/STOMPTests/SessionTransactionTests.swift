import NIOCore
import STOMP
import Testing

@Suite("Transactions")
struct SessionTransactionTests {
    static let publication = STOMPSession.Publication(
        destination: "/topic/a",
        headers: ["destination": "/topic/a", "transaction": "t", "receipt": "s"],
        body: ByteBuffer(string: "1")
    )

    @Test("SEND and ACK in a transaction wait for COMMIT; the ACK takes effect when the commit completes")
    func commit() {
        var session = STOMPSession.connected()
        session.subscribeAndComplete("id:0\ndestination:/topic/a\nack:client-individual")
        session.delivered(subscription: "0", ackID: "m1")
        #expect(session.receive("BEGIN\ntransaction:t\nreceipt:b\n\n\0") == [.receipt("b")])
        #expect(session.receive("SEND\ndestination:/topic/a\ntransaction:t\nreceipt:s\n\n1\0") == [.receipt("s")])
        #expect(session.receive("ACK\nid:m1\ntransaction:t\n\n\0") == [])
        #expect(
            session.receive("COMMIT\ntransaction:t\nreceipt:c\n\n\0") == [
                .commit(STOMPSession.Transaction(id: "t", publications: [Self.publication]), .op(1))
            ]
        )
        #expect(
            session.completed(.op(1)) == [
                .ack(STOMPSession.Acknowledgement(subscription: "0", ackIDs: ["m1"])), .receipt("c"),
            ]
        )
        #expect(session.receive("BEGIN\ntransaction:t\nreceipt:again\n\n\0") == [.receipt("again")])
    }

    @Test("an empty transaction commits too")
    func emptyCommit() {
        var session = STOMPSession.connected()
        _ = session.receive("BEGIN\ntransaction:t\n\n\0")
        #expect(session.receive("COMMIT\ntransaction:t\n\n\0") == [.commit(STOMPSession.Transaction(id: "t", publications: []), .op(0))])
    }

    @Test("ABORT drops what the transaction queued")
    func abort() {
        var session = STOMPSession.connected()
        session.subscribeAndComplete("id:0\ndestination:/topic/a\nack:client")
        session.delivered(subscription: "0", ackID: "m1")
        _ = session.receive("BEGIN\ntransaction:t\n\n\0SEND\ndestination:/topic/a\ntransaction:t\n\n1\0")
        _ = session.receive("ACK\nid:m1\ntransaction:t\n\n\0")
        #expect(session.receive("ABORT\ntransaction:t\nreceipt:a\n\n\0") == [.receipt("a")])
        #expect(session.receive("COMMIT\ntransaction:t\n\n\0").last == .close(.unknownTransaction("t")))
    }

    @Test("an ABORTed ACK leaves the message unacknowledged")
    func abortedAck() {
        var session = STOMPSession.connected()
        session.subscribeAndComplete("id:0\ndestination:/topic/a\nack:client")
        session.delivered(subscription: "0", ackID: "m1")
        _ = session.receive("BEGIN\ntransaction:t\n\n\0ACK\nid:m1\ntransaction:t\n\n\0ABORT\ntransaction:t\n\n\0")
        #expect(session.receive("ACK\nid:m1\n\n\0") == [.ack(STOMPSession.Acknowledgement(subscription: "0", ackIDs: ["m1"]))])
    }

    @Test(
        "a frame naming a transaction that is not open is an error",
        arguments: [
            "SEND\ndestination:/topic/a\ntransaction:x\nreceipt:r\n\n\0", "ACK\nid:m\ntransaction:x\nreceipt:r\n\n\0",
            "NACK\nid:m\ntransaction:x\nreceipt:r\n\n\0", "COMMIT\ntransaction:x\nreceipt:r\n\n\0",
            "ABORT\ntransaction:x\nreceipt:r\n\n\0",
        ]
    )
    func unknownTransaction(frame: String) {
        var session = STOMPSession.connected()
        #expect(
            session.receive(frame) == [
                .error("unknown transaction", "No open transaction has the id 'x'.", receiptID: "r"),
                .close(.unknownTransaction("x")),
            ]
        )
    }

    @Test("BEGIN of an open transaction is an error")
    func duplicate() {
        var session = STOMPSession.connected()
        #expect(
            session.receive("BEGIN\ntransaction:t\n\n\0BEGIN\ntransaction:t\nreceipt:r\n\n\0") == [
                .error("duplicate transaction", "The transaction 't' is already open.", receiptID: "r"),
                .close(.duplicateTransaction("t")),
            ]
        )
    }

    @Test("BEGIN, COMMIT and ABORT need a transaction header", arguments: [STOMPCommand.begin, .commit, .abort])
    func missingTransaction(command: STOMPCommand) {
        var session = STOMPSession.connected()
        #expect(
            session.receive("\(command.rawValue)\n\n\0") == [
                .error("missing transaction header", "A \(command.rawValue) frame needs a 'transaction' header."),
                .close(.missingHeader("transaction", command: command)),
            ]
        )
    }

    @Test("DISCONNECT aborts open transactions")
    func abortOnDisconnect() {
        var session = STOMPSession.connected()
        #expect(
            session.receive("BEGIN\ntransaction:t\n\n\0SEND\ndestination:/topic/a\ntransaction:t\n\n1\0DISCONNECT\nreceipt:d\n\n\0")
                == [.receipt("d"), .close(.disconnected, flushFirst: true)]
        )
    }

    @Test("a dropped connection aborts open transactions and ignores what follows")
    func abortOnConnectionDrop() {
        var session = STOMPSession.connected()
        _ = session.receive("BEGIN\ntransaction:t\n\n\0SEND\ndestination:/topic/a\ntransaction:t\n\n1\0")
        session.connectionClosed()
        #expect(session.receive("COMMIT\ntransaction:t\n\n\0") == [])
    }

    @Test("open transactions are limited")
    func openTransactionLimit() {
        var session = STOMPSession.connected(
            configuration: STOMPSession.Configuration(serverVersion: "0.1.0", maxOpenTransactions: 1)
        )
        #expect(
            session.receive("BEGIN\ntransaction:t\n\n\0BEGIN\ntransaction:u\n\n\0") == [
                .error("open transaction count limit exceeded", "The session's open transaction count would exceed the limit of 1."),
                .close(.limitExceeded(.openTransactions, maximum: 1)),
            ]
        )
    }

    @Test("frames queued per transaction are limited")
    func transactionFrameLimit() {
        var session = STOMPSession.connected(
            configuration: STOMPSession.Configuration(serverVersion: "0.1.0", maxTransactionFrames: 2)
        )
        let send = "SEND\ndestination:/topic/a\ntransaction:t\n\n1\0"
        #expect(
            session.receive("BEGIN\ntransaction:t\n\n\0\(send)ACK\nid:m\ntransaction:t\n\n\0\(send)") == [
                .error("transaction frame count limit exceeded", "The session's transaction frame count would exceed the limit of 2."),
                .close(.limitExceeded(.transactionFrames, maximum: 2)),
            ]
        )
    }

    @Test("body bytes held by all open transactions together are limited; COMMIT and ABORT free them")
    func transactionByteLimit() {
        var session = STOMPSession.connected(
            configuration: STOMPSession.Configuration(serverVersion: "0.1.0", maxTransactionBytes: 10)
        )
        let begin = "BEGIN\ntransaction:t\n\n\0BEGIN\ntransaction:u\n\n\0"
        let sends = "SEND\ndestination:/topic/a\ntransaction:t\n\n12345\0SEND\ndestination:/topic/a\ntransaction:u\n\n12345\0"
        #expect(session.receive(begin + sends) == [])
        // Ten bytes are held; an aborted transaction gives its five back.
        #expect(session.receive("ABORT\ntransaction:u\n\n\0SEND\ndestination:/topic/a\ntransaction:t\n\n12345\0") == [])
        #expect(
            session.receive("SEND\ndestination:/topic/a\ntransaction:t\n\n1\0") == [
                .error("transaction byte count limit exceeded", "The session's transaction byte count would exceed the limit of 10."),
                .close(.limitExceeded(.transactionBytes, maximum: 10)),
            ]
        )
    }

    @Test("a failed commit: ERROR with the COMMIT's receipt-id; its ACKs never take effect")
    func commitFailed() {
        var session = STOMPSession.connected()
        session.subscribeAndComplete("id:0\ndestination:/topic/a\nack:client")
        session.delivered(subscription: "0", ackID: "m1")
        _ = session.receive("BEGIN\ntransaction:t\n\n\0ACK\nid:m1\ntransaction:t\n\n\0COMMIT\ntransaction:t\nreceipt:c\n\n\0")
        #expect(
            session.failed(.op(1), message: "commit failed", detail: "serialization failure") == [
                .error("commit failed", "serialization failure", receiptID: "c"),
                .close(.reported(message: "commit failed", detail: "serialization failure")),
            ]
        )
        #expect(session.completed(.op(1)) == [])
    }
}
