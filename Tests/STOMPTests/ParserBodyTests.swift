import NIOCore
import STOMP
import Testing

@Suite("Parsing frame bodies")
struct ParserBodyTests {
    @Test("a content-length body may hold NUL bytes")
    func contentLengthBodyWithNulls() throws {
        let body: [UInt8] = [0, 1, 0, 0, 0xFF, 0]
        let bytes = Array("SEND\ncontent-length:6\n\n".utf8) + body + [0]
        let events = try STOMPParser.events(parsing: bytes)
        #expect(events == [.frame(STOMPFrame(.send, headers: ["content-length": "6"], body: ByteBuffer(bytes: body)))])
    }

    @Test("a body without content-length ends at the first NUL")
    func nullTerminatedBody() throws {
        let frames = try STOMPParser.frames(parsing: "SEND\ndestination:/a\n\nline one\nline two\0SEND\n\n\0")
        #expect(frames == [
            STOMPFrame(.send, headers: ["destination": "/a"], text: "line one\nline two"),
            STOMPFrame(.send),
        ])
    }

    @Test("content-length:0 gives an empty body")
    func zeroContentLength() throws {
        #expect(try STOMPParser.frames(parsing: "SEND\ncontent-length:0\n\n\0") == [STOMPFrame(.send, headers: ["content-length": "0"])])
    }

    @Test("the first content-length wins when it is repeated")
    func repeatedContentLength() throws {
        let frames = try STOMPParser.frames(parsing: "SEND\ncontent-length:2\ncontent-length:5\n\nab\0")
        #expect(frames.first?.body == ByteBuffer(string: "ab"))
        #expect(frames.first?.headers.count == 2)
    }

    @Test(
        "a content-length that is not a non-negative decimal integer is an error",
        arguments: ["-1", "abc", "", "+5", " 5", "5 ", "0x10", "1.0", "99999999999999999999999"]
    )
    func invalidContentLength(value: String) {
        #expect(STOMPParser.error(parsing: "SEND\ncontent-length:\(value)\n\nabc\0") == .invalidContentLength(value))
    }

    @Test("the byte after a content-length body must be NUL")
    func missingNullAfterBody() {
        #expect(STOMPParser.error(parsing: "SEND\ncontent-length:2\n\nabc\0") == .missingNullAfterBody)
    }

    @Test("a content-length body waits for its NUL before it is a frame")
    func contentLengthBodyWaitsForNull() throws {
        var parser = STOMPParser()
        #expect(try parser.feed(ByteBuffer(string: "SEND\ncontent-length:3\n\nabc")) == [])
        #expect(try parser.feed(ByteBuffer(bytes: [0])) == [.frame(STOMPFrame(.send, headers: ["content-length": "3"], text: "abc"))])
    }
}
