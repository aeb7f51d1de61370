import NIOCore
import STOMP
import Testing

@Suite("Parsing frames split over and packed into chunks")
struct ParserChunkingTests {
    /// Three frames with a content-length body holding NULs, a NUL-terminated body, CRLF
    /// lines and heart-beats between them.
    static let stream: [UInt8] =
        Array("SEND\ndestination:/topic/a\ncontent-length:5\n\n".utf8) + [0x61, 0, 0x62, 0, 0x63, 0]
        + Array("\n\r\nMESSAGE\r\nsubscription:1\r\nmessage-id:m\\c1\r\n\r\n{\"k\":\"v\"}\0".utf8)
        + Array("\nRECEIPT\nreceipt-id:77\n\n\0".utf8)

    static let expected: [STOMPParseEvent] = [
        .frame(STOMPFrame(.send, headers: ["destination": "/topic/a", "content-length": "5"], body: ByteBuffer(bytes: [0x61, 0, 0x62, 0, 0x63]))),
        .heartbeat,
        .heartbeat,
        .frame(STOMPFrame(.message, headers: ["subscription": "1", "message-id": "m:1"], text: #"{"k":"v"}"#)),
        .heartbeat,
        .frame(STOMPFrame(.receipt, headers: ["receipt-id": "77"])),
    ]

    @Test("several frames in one chunk")
    func severalFramesInOneChunk() throws {
        #expect(try STOMPParser.events(parsing: Self.stream) == Self.expected)
    }

    @Test("every single split point gives the same events")
    func everySplitPoint() throws {
        for cut in 0...Self.stream.count {
            #expect(try STOMPParser.events(parsing: Self.stream, cutAt: [cut]) == Self.expected, "cut at \(cut)")
        }
    }

    @Test("every pair of split points gives the same events")
    func everyPairOfSplitPoints() throws {
        for first in 0...Self.stream.count {
            for second in first...Self.stream.count {
                let events = try STOMPParser.events(parsing: Self.stream, cutAt: [first, second])
                #expect(events == Self.expected, "cuts at \(first), \(second)")
            }
        }
    }

    @Test("one byte at a time gives the same events")
    func oneByteAtATime() throws {
        let cuts = Array(1..<Self.stream.count)
        #expect(try STOMPParser.events(parsing: Self.stream, cutAt: cuts) == Self.expected)
    }

    @Test("a chunk that completes nothing yields nothing and keeps its bytes")
    func partialChunk() throws {
        var parser = STOMPParser()
        #expect(try parser.feed(ByteBuffer(string: "SEND\ndestination:/t")) == [])
        #expect(parser.bufferedByteCount == "destination:/t".utf8.count)
        #expect(try parser.feed(ByteBuffer(string: "\n\nhi\0")) == [.frame(STOMPFrame(.send, headers: ["destination": "/t"], text: "hi"))])
        #expect(parser.bufferedByteCount == 0)
    }

    @Test("next() lets the version change between two frames of one chunk")
    func versionChangesBetweenFrames() throws {
        var parser = STOMPParser()
        parser.append(ByteBuffer(string: "CONNECT\naccept-version:1.2\n\n\0SEND\ndestination:/a\\cb\n\n\0"))
        guard case .frame(let connect) = try parser.next() else {
            Issue.record("expected the CONNECT frame")
            return
        }
        parser.version = try STOMPVersion.negotiate(acceptVersion: connect.headers["accept-version"])
        #expect(try parser.next() == .frame(STOMPFrame(.send, headers: ["destination": "/a:b"])))
        #expect(try parser.next() == nil)
    }

    @Test(
        "a large body in small chunks parses in linear time",
        .timeLimit(.minutes(1)),
        arguments: [true, false]
    )
    func largeBodyInSmallChunks(withContentLength: Bool) throws {
        let body = [UInt8](repeating: UInt8(ascii: "x"), count: 1_048_576)
        let head = withContentLength ? "SEND\ncontent-length:\(body.count)\n\n" : "SEND\n\n"
        let bytes = Array(head.utf8) + body + [0]
        var parser = STOMPParser()
        var events: [STOMPParseEvent] = []
        let start = ContinuousClock.now
        for offset in stride(from: 0, to: bytes.count, by: 64) {
            events += try parser.feed(ByteBuffer(bytes: bytes[offset..<min(offset + 64, bytes.count)]))
        }
        let elapsed = ContinuousClock.now - start
        guard case .frame(let frame) = events.first, events.count == 1 else {
            Issue.record("expected one frame, got \(events.count) events")
            return
        }
        #expect(frame.body == ByteBuffer(bytes: body))
        // Rescanning the whole buffer for every 64-byte chunk would scan ~8 GiB here.
        #expect(elapsed < .seconds(20), "took \(elapsed)")
    }
}
