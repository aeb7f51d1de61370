import NIOCore
import STOMP

extension STOMPParser {
    /// Parses `bytes` fed as consecutive chunks cut at `cuts` (sorted offsets).
    static func events(
        parsing bytes: [UInt8],
        cutAt cuts: [Int] = [],
        version: STOMPVersion = .v1_2,
        limits: STOMPLimits = STOMPLimits()
    ) throws(STOMPProtocolError) -> [STOMPParseEvent] {
        var parser = STOMPParser(version: version, limits: limits)
        var events: [STOMPParseEvent] = []
        let bounds = [0] + cuts + [bytes.count]
        for (start, end) in zip(bounds, bounds.dropFirst()) {
            events += try parser.feed(ByteBuffer(bytes: bytes[start..<end]))
        }
        return events
    }

    /// Parses `text` in one chunk and returns its frames, dropping heart-beats.
    static func frames(parsing text: String, version: STOMPVersion = .v1_2) throws(STOMPProtocolError) -> [STOMPFrame] {
        try Self.events(parsing: Array(text.utf8), version: version).compactMap {
            guard case .frame(let frame) = $0 else { return nil }
            return frame
        }
    }

    /// The error that parsing `text` in one chunk throws, or `nil` when it parses.
    static func error(parsing text: String, version: STOMPVersion = .v1_2) -> STOMPProtocolError? {
        do {
            _ = try Self.events(parsing: Array(text.utf8), version: version)
            return nil
        } catch {
            return error
        }
    }
}
