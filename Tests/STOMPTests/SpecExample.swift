import NIOCore
import STOMP
import Testing

/// A frame as the STOMP 1.2 specification prints it, with the frame it must parse to.
struct SpecExample: Sendable, CustomTestStringConvertible {
    let name: String
    let wire: String
    let frame: STOMPFrame

    var testDescription: String { self.name }

    static let errorBody = """
        The message:
        -----
        MESSAGE
        destined:/queue/a
        receipt:message-12345

        Hello queue a!
        -----
        Did not contain a destination header, which is REQUIRED
        for message propagation.

        """

    static let all: [SpecExample] = [
        SpecExample(
            name: "CONNECT",
            wire: "CONNECT\naccept-version:1.2\nhost:stomp.github.org\n\n\0",
            frame: STOMPFrame(.connect, headers: ["accept-version": "1.2", "host": "stomp.github.org"])
        ),
        SpecExample(
            name: "STOMP",
            wire: "STOMP\naccept-version:1.2\nhost:stomp.github.org\n\n\0",
            frame: STOMPFrame(.stomp, headers: ["accept-version": "1.2", "host": "stomp.github.org"])
        ),
        SpecExample(
            name: "CONNECTED",
            wire: "CONNECTED\nversion:1.2\n\n\0",
            frame: STOMPFrame(.connected, headers: ["version": "1.2"])
        ),
        SpecExample(
            name: "ERROR for unsupported versions",
            wire: "ERROR\nversion:1.2,2.1\ncontent-type:text/plain\n\nSupported protocol versions are 1.2 2.1\0",
            frame: STOMPFrame(
                .error,
                headers: ["version": "1.2,2.1", "content-type": "text/plain"],
                text: "Supported protocol versions are 1.2 2.1"
            )
        ),
        SpecExample(
            name: "SEND",
            wire: "SEND\ndestination:/queue/a\ncontent-type:text/plain\n\nhello queue a\n\0",
            frame: STOMPFrame(
                .send,
                headers: ["destination": "/queue/a", "content-type": "text/plain"],
                text: "hello queue a\n"
            )
        ),
        SpecExample(
            name: "SEND with receipt",
            wire: "SEND\ndestination:/queue/a\nreceipt:message-12345\n\nhello queue a\0",
            frame: STOMPFrame(.send, headers: ["destination": "/queue/a", "receipt": "message-12345"], text: "hello queue a")
        ),
        SpecExample(
            name: "SUBSCRIBE",
            wire: "SUBSCRIBE\nid:0\ndestination:/queue/foo\nack:client\n\n\0",
            frame: STOMPFrame(.subscribe, headers: ["id": "0", "destination": "/queue/foo", "ack": "client"])
        ),
        SpecExample(name: "UNSUBSCRIBE", wire: "UNSUBSCRIBE\nid:0\n\n\0", frame: STOMPFrame(.unsubscribe, headers: ["id": "0"])),
        SpecExample(
            name: "ACK",
            wire: "ACK\nid:12345\ntransaction:tx1\n\n\0",
            frame: STOMPFrame(.ack, headers: ["id": "12345", "transaction": "tx1"])
        ),
        SpecExample(
            name: "NACK",
            wire: "NACK\nid:12345\ntransaction:tx1\n\n\0",
            frame: STOMPFrame(.nack, headers: ["id": "12345", "transaction": "tx1"])
        ),
        SpecExample(name: "BEGIN", wire: "BEGIN\ntransaction:tx1\n\n\0", frame: STOMPFrame(.begin, headers: ["transaction": "tx1"])),
        SpecExample(name: "COMMIT", wire: "COMMIT\ntransaction:tx1\n\n\0", frame: STOMPFrame(.commit, headers: ["transaction": "tx1"])),
        SpecExample(name: "ABORT", wire: "ABORT\ntransaction:tx1\n\n\0", frame: STOMPFrame(.abort, headers: ["transaction": "tx1"])),
        SpecExample(name: "DISCONNECT", wire: "DISCONNECT\nreceipt:77\n\n\0", frame: STOMPFrame(.disconnect, headers: ["receipt": "77"])),
        SpecExample(name: "RECEIPT", wire: "RECEIPT\nreceipt-id:77\n\n\0", frame: STOMPFrame(.receipt, headers: ["receipt-id": "77"])),
        SpecExample(
            name: "MESSAGE",
            wire: "MESSAGE\nsubscription:0\nmessage-id:007\ndestination:/queue/a\ncontent-type:text/plain\n\nhello queue a\0",
            frame: STOMPFrame(
                .message,
                headers: [
                    "subscription": "0", "message-id": "007", "destination": "/queue/a", "content-type": "text/plain",
                ],
                text: "hello queue a"
            )
        ),
        // The specification prints `content-length:171` for this 170-byte body; 170 is used here.
        SpecExample(
            name: "ERROR with content-length",
            wire: "ERROR\nreceipt-id:message-12345\ncontent-type:text/plain\ncontent-length:170\n"
                + "message:malformed frame received\n\n\(errorBody)\0",
            frame: STOMPFrame(
                .error,
                headers: [
                    "receipt-id": "message-12345", "content-type": "text/plain", "content-length": "170",
                    "message": "malformed frame received",
                ],
                text: errorBody
            )
        ),
    ]
}
