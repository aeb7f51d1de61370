import NIOCore
import STOMP
import Testing

@Suite("Encoding frames")
struct EncoderTests {
    static let message = STOMPFrame(
        .message,
        headers: ["destination": "/topic/a", "odd\nname": "a:b\\c\nd\re", "subscription": "0"],
        text: "hi"
    )

    @Test("a MESSAGE escapes \\r \\n : \\ in 1.2")
    func messageVersion12() {
        #expect(
            Self.message.encodedText(version: .v1_2)
                == "MESSAGE\ndestination:/topic/a\nodd\\nname:a\\cb\\\\c\\nd\\re\nsubscription:0\ncontent-length:2\n\nhi\0"
        )
    }

    @Test("a MESSAGE escapes \\n : \\ but not \\r in 1.1")
    func messageVersion11() {
        #expect(
            Self.message.encodedText(version: .v1_1)
                == "MESSAGE\ndestination:/topic/a\nodd\\nname:a\\cb\\\\c\\nd\re\nsubscription:0\ncontent-length:2\n\nhi\0"
        )
    }

    @Test("a MESSAGE escapes nothing in 1.0")
    func messageVersion10() {
        #expect(
            Self.message.encodedText(version: .v1_0)
                == "MESSAGE\ndestination:/topic/a\nodd\nname:a:b\\c\nd\re\nsubscription:0\ncontent-length:2\n\nhi\0"
        )
    }

    @Test("CONNECTED is never escaped", arguments: STOMPVersion.allCases)
    func connectedNotEscaped(version: STOMPVersion) {
        let frame = STOMPFrame(.connected, headers: ["version": version.rawValue, "server": "pglive:1\\0"])
        #expect(frame.encodedText(version: version) == "CONNECTED\nversion:\(version.rawValue)\nserver:pglive:1\\0\n\n\0")
    }

    @Test("a frame without body gets no content-length")
    func emptyBody() {
        #expect(STOMPFrame(.receipt, headers: ["receipt-id": "77"]).encodedText() == "RECEIPT\nreceipt-id:77\n\n\0")
    }

    @Test("a given content-length is rewritten in place with the true length, never duplicated")
    func givenContentLength() {
        let frame = STOMPFrame(.send, headers: ["content-length": "999", "destination": "/a"], text: "abc")
        #expect(frame.encodedText() == "SEND\ncontent-length:3\ndestination:/a\n\nabc\0")
        let empty = STOMPFrame(.send, headers: ["content-length": "5"])
        #expect(empty.encodedText() == "SEND\ncontent-length:0\n\n\0")
    }

    @Test("a binary body with NULs is written as it is")
    func binaryBody() {
        let frame = STOMPFrame(.message, body: ByteBuffer(bytes: [0, 1, 0]))
        #expect(frame.encoded() == Array("MESSAGE\ncontent-length:3\n\n".utf8) + [0, 1, 0, 0])
    }

    @Test("encoding appends to what the buffer already holds")
    func appends() {
        var buffer = ByteBuffer(string: "\n")
        STOMPFrame(.receipt, headers: ["receipt-id": "1"]).encode(version: .v1_2, into: &buffer)
        #expect(buffer == ByteBuffer(string: "\nRECEIPT\nreceipt-id:1\n\n\0"))
    }
}
