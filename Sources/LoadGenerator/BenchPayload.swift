import NIOCore

/// The body of a benchmark message: `{"seq":N,"sent":T}`, a sequence number and the send
/// instant in monotonic nanoseconds of this process.
///
/// Decoding looks for the two keys wherever they are and allows whitespace around the
/// colon, so a broker that re-serialises the JSON (as PostgreSQL's `jsonb` does) is fine.
///
/// ```swift
/// var body = ByteBuffer()
/// BenchPayload(sequence: 7, sentAt: 123).encode(into: &body)
/// BenchPayload(decoding: body) // BenchPayload(sequence: 7, sentAt: 123)
/// ```
public struct BenchPayload: Sendable, Equatable {
    private static let sequenceKey = Array(#""seq""#.utf8)
    private static let sentKey = Array(#""sent""#.utf8)

    /// The message's number, from 0, in send order.
    public var sequence: UInt64
    /// When the publisher sent it, in `NIODeadline.now().uptimeNanoseconds`.
    public var sentAt: UInt64

    /// Creates a payload.
    ///
    /// - Parameters:
    ///   - sequence: The message's number.
    ///   - sentAt: The send instant in monotonic nanoseconds.
    public init(sequence: UInt64, sentAt: UInt64) {
        self.sequence = sequence
        self.sentAt = sentAt
    }

    /// Reads a payload from a message body.
    ///
    /// - Parameters:
    ///   - body: A message body.
    /// - Returns: `nil` when the body lacks either key or its number.
    public init?(decoding body: ByteBuffer) {
        let decoded: (UInt64, UInt64)? = body.withUnsafeReadableBytes { bytes in
            guard let sequence = Self.number(after: Self.sequenceKey, in: bytes),
                let sentAt = Self.number(after: Self.sentKey, in: bytes)
            else {
                return nil
            }
            return (sequence, sentAt)
        }
        guard let (sequence, sentAt) = decoded else {
            return nil
        }
        self.init(sequence: sequence, sentAt: sentAt)
    }

    /// Appends the JSON body.
    ///
    /// - Parameters:
    ///   - buffer: The buffer to append to.
    public func encode(into buffer: inout ByteBuffer) {
        buffer.writeString(#"{"seq":"#)
        buffer.writeString(String(self.sequence))
        buffer.writeString(#","sent":"#)
        buffer.writeString(String(self.sentAt))
        buffer.writeString("}")
    }

    /// The unsigned decimal that follows `key`, blanks and a colon.
    private static func number(after key: [UInt8], in bytes: UnsafeRawBufferPointer) -> UInt64? {
        guard key.count <= bytes.count else {
            return nil
        }
        var start = 0
        while start <= bytes.count - key.count {
            if bytes[start] == key[0], zip(key.indices, key).allSatisfy({ bytes[start + $0] == $1 }) {
                return Self.number(startingAt: start + key.count, in: bytes)
            }
            start += 1
        }
        return nil
    }

    /// The unsigned decimal at `position` after optional blanks and a colon.
    private static func number(startingAt position: Int, in bytes: UnsafeRawBufferPointer) -> UInt64? {
        var index = position
        var sawColon = false
        while index < bytes.count, bytes[index] == UInt8(ascii: " ") || (!sawColon && bytes[index] == UInt8(ascii: ":")) {
            sawColon = sawColon || bytes[index] == UInt8(ascii: ":")
            index += 1
        }
        var value: UInt64 = 0
        var digits = 0
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            let (shifted, overflow) = value.multipliedReportingOverflow(by: 10)
            guard !overflow else {
                return nil
            }
            value = shifted &+ UInt64(bytes[index] - UInt8(ascii: "0"))
            digits += 1
            index += 1
        }
        return sawColon && digits > 0 ? value : nil
    }
}
