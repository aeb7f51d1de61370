/// A violation of the STOMP protocol or of a configured limit.
///
/// The session layer answers it with ``STOMPFrame/error(_:receiptID:)`` and closes the
/// connection. ``message`` is a short text for the ERROR frame's `message` header and
/// ``detail`` a sentence for its body.
///
/// ```swift
/// do {
///     events = try parser.feed(chunk)
/// } catch {
///     write(.error(error, receiptID: parser.failedFrameReceipt))
///     close()
/// }
/// ```
public enum STOMPProtocolError: Error, Sendable, Hashable {
    /// The command line is not a STOMP command (commands are upper case).
    case unknownCommand(String)
    /// A header line has no `:` or an empty name.
    case malformedHeader(String)
    /// A header name or value is not valid UTF-8.
    case invalidUTF8
    /// A header holds a backslash escape the frame's version does not define, such as `\t`.
    case invalidEscape(String)
    /// The `content-length` header is not a non-negative decimal integer.
    case invalidContentLength(String)
    /// The byte after a `content-length` body is not NUL.
    case missingNullAfterBody
    /// A frame passed one of the parser's limits.
    case limitExceeded(STOMPLimit, maximum: Int)
    /// The client's `accept-version` shares no version with the server.
    case unsupportedVersion(offered: String, supported: [STOMPVersion])
    /// The `heart-beat` header is not two comma-separated non-negative integers.
    case malformedHeartBeat(String)
}
