import NIOCore
import STOMP

/// Feeds the input to `STOMPParser` whole, in chunks and (when short) byte by byte, with
/// the default limits and with tiny ones, and checks that:
///
/// - the events and the error do not depend on how the bytes were cut;
/// - after `next()` returns `nil`, the parser holds no more than its limits allow;
/// - a failed parser holds nothing and keeps failing with the same error;
/// - a STOMP 1.2 frame encodes and parses back to itself.
enum ParserCheck {
    /// Limits small enough for short inputs to pass every one of them.
    static let tinyLimits = STOMPLimits(maxBodySize: 16, maxHeaderCount: 4, maxHeaderLineLength: 32, maxCommandLineLength: 12)

    /// Inputs up to this size are also fed one byte at a time.
    private static let bytewiseLimit = 512

    /// What parsing a byte stream gave.
    struct Outcome: Equatable {
        var events: [STOMPParseEvent] = []
        var error: STOMPProtocolError?
    }

    static func run(_ input: FuzzInput) {
        var choices = input.choices(1)
        for limits in [STOMPLimits(), Self.tinyLimits] {
            let version = STOMPVersion.allCases[choices.below(STOMPVersion.allCases.count)]
            let whole = Self.parse([input.whole], version: version, limits: limits)
            let chunked = Self.parse(input.chunks(&choices), version: version, limits: limits)
            require(chunked == whole, "chunked parse differs from whole parse (\(version), \(limits))")
            if input.bytes.count <= Self.bytewiseLimit {
                let bytewise = Self.parse(input.bytes.map { ByteBuffer(bytes: [$0]) }, version: version, limits: limits)
                require(bytewise == whole, "bytewise parse differs from whole parse (\(version), \(limits))")
            }
            if version == .v1_2 {
                Self.checkRoundTrips(whole.events)
            }
        }
    }

    /// The most bytes a parser may hold once `next()` returned `nil`, as `STOMPLimits`
    /// documents it: one line or one body.
    static func bound(_ limits: STOMPLimits) -> Int {
        max(max(limits.maxCommandLineLength, limits.maxHeaderLineLength) + 2, limits.maxBodySize + 1)
    }

    private static func parse(_ chunks: [ByteBuffer], version: STOMPVersion, limits: STOMPLimits) -> Outcome {
        var parser = STOMPParser(version: version, limits: limits)
        var outcome = Outcome()
        for chunk in chunks {
            parser.append(chunk)
            do {
                while let event = try parser.next() {
                    outcome.events.append(event)
                }
            } catch {
                outcome.error = error
                Self.checkStaysFailed(&parser, with: error)
                return outcome
            }
            require(
                parser.bufferedByteCount <= Self.bound(limits),
                "parser holds \(parser.bufferedByteCount) bytes, over \(Self.bound(limits))"
            )
        }
        return outcome
    }

    private static func checkStaysFailed(_ parser: inout STOMPParser, with failure: STOMPProtocolError) {
        for more in ["", "\n", "SEND\n\n\0", "CONNECT\naccept-version:1.2\n\n\0"] {
            require(parser.bufferedByteCount == 0, "a failed parser holds \(parser.bufferedByteCount) bytes")
            parser.append(ByteBuffer(string: more))
            require(parser.bufferedByteCount == 0, "a failed parser kept appended bytes")
            do {
                let event = try parser.next()
                require(false, "a failed parser returned \(String(describing: event))")
            } catch {
                require(error == failure, "a failed parser threw \(error), not \(failure)")
            }
        }
    }

    /// Encodes each 1.2 frame but the handshake's (never escaped, so not every header
    /// survives) and parses it back: command, body and headers but `content-length` (which
    /// the encoder rewrites) must come back unchanged.
    private static func checkRoundTrips(_ events: [STOMPParseEvent]) {
        let generous = STOMPLimits(maxBodySize: Int.max - 1, maxHeaderCount: 1_000, maxHeaderLineLength: 1 << 20)
        for case .frame(let frame) in events where !frame.command.isHandshake {
            var encoded = ByteBuffer()
            frame.encode(version: .v1_2, into: &encoded)
            var parser = STOMPParser(version: .v1_2, limits: generous)
            let reparsed: [STOMPParseEvent]
            do {
                reparsed = try parser.feed(encoded)
            } catch {
                require(false, "an encoded \(frame.command) frame does not parse: \(error)")
                return
            }
            guard reparsed.count == 1, case .frame(let copy) = reparsed[0] else {
                require(false, "an encoded \(frame.command) frame parses as \(reparsed.count) events")
                return
            }
            require(copy.command == frame.command, "round trip changed the command")
            require(copy.body == frame.body, "round trip changed the body")
            require(Self.fields(copy.headers) == Self.fields(frame.headers), "round trip changed the headers")
        }
    }

    private static func fields(_ headers: STOMPHeaders) -> [String] {
        headers.filter { $0.name != "content-length" }.flatMap { [$0.name, $0.value] }
    }
}
