import NIOCore
import STOMP
import Testing

@Suite("Parsing line endings and heart-beats")
struct ParserLineEndingTests {
    @Test("CRLF and LF lines parse to the same frame")
    func crlfFrames() throws {
        let crlf = try STOMPParser.frames(parsing: "SEND\r\ndestination:/a\r\nreceipt:1\r\n\r\nbody\r\n\0")
        let lf = try STOMPParser.frames(parsing: "SEND\ndestination:/a\nreceipt:1\n\nbody\r\n\0")
        #expect(crlf == [STOMPFrame(.send, headers: ["destination": "/a", "receipt": "1"], text: "body\r\n")])
        #expect(crlf == lf)
    }

    @Test("mixed CRLF and LF lines in one frame")
    func mixedLineEndings() throws {
        let frames = try STOMPParser.frames(parsing: "SUBSCRIBE\r\nid:0\ndestination:/topic/a\r\n\n\0")
        #expect(frames == [STOMPFrame(.subscribe, headers: ["id": "0", "destination": "/topic/a"])])
    }

    @Test("each EOL between frames is a heart-beat")
    func heartbeatsBetweenFrames() throws {
        let events = try STOMPParser.events(parsing: Array("\n\r\n\nSEND\n\n\0\n\r\n".utf8))
        #expect(events == [.heartbeat, .heartbeat, .heartbeat, .frame(STOMPFrame(.send)), .heartbeat, .heartbeat])
    }

    @Test("a CRLF heart-beat split between chunks is one heart-beat")
    func splitCRLFHeartbeat() throws {
        var parser = STOMPParser()
        #expect(try parser.feed(ByteBuffer(string: "\r")) == [])
        #expect(try parser.feed(ByteBuffer(string: "\n")) == [.heartbeat])
    }

    @Test("a lone CR before a command is not an EOL")
    func loneCarriageReturn() {
        #expect(STOMPParser.error(parsing: "\rSEND\n\n\0") == .unknownCommand("\rSEND"))
    }
}
