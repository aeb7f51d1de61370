/// One side's `heart-beat` header: how often it can send and how often it wants to receive.
///
/// Both intervals are in milliseconds; `0` means "cannot send" or "does not want any".
/// The wire form is `heart-beat:<send>,<receive>`.
///
/// ```swift
/// let client = try STOMPHeartBeat(headerValue: connect.headers["heart-beat"])
/// let server = STOMPHeartBeat(send: 10_000, receive: 10_000)
/// let intervals = STOMPHeartBeat.negotiate(client: client, server: server)
/// ```
public struct STOMPHeartBeat: Sendable, Hashable {
    /// The smallest interval, in milliseconds, at which this side can send heart-beats;
    /// `0` when it cannot send any.
    public var send: Int
    /// The interval, in milliseconds, at which this side wants to receive heart-beats;
    /// `0` when it does not want any.
    public var receive: Int

    /// No heart-beats either way (`0,0`), the meaning of an absent header.
    public static let none = STOMPHeartBeat(send: 0, receive: 0)

    /// Creates a heart-beat setting.
    ///
    /// - Parameters:
    ///   - send: Milliseconds between heart-beats this side can send; `0` for none.
    ///   - receive: Milliseconds between heart-beats this side wants; `0` for none.
    public init(send: Int, receive: Int) {
        self.send = send
        self.receive = receive
    }

    /// Parses a `heart-beat` header value such as `10000,10000`.
    ///
    /// Each entry must be a non-negative decimal integer; blanks around an entry are
    /// tolerated. An absent header means ``none``.
    ///
    /// ```swift
    /// try STOMPHeartBeat(headerValue: "0,10000") // send: 0, receive: 10_000
    /// ```
    ///
    /// - Parameters:
    ///   - headerValue: The header's value, or `nil` when the frame has no `heart-beat`.
    /// - Throws: ``STOMPProtocolError/malformedHeartBeat(_:)`` when the value is not two
    ///   comma-separated non-negative integers.
    public init(headerValue: String?) throws(STOMPProtocolError) {
        guard let headerValue else {
            self = .none
            return
        }
        let entries = headerValue.split(separator: ",", omittingEmptySubsequences: false)
        guard entries.count == 2,
            let send = Int(nonNegativeDecimal: entries[0].trimmingBlanks),
            let receive = Int(nonNegativeDecimal: entries[1].trimmingBlanks)
        else {
            throw .malformedHeartBeat(headerValue)
        }
        self.init(send: send, receive: receive)
    }

    /// The header value, `<send>,<receive>`.
    public var headerValue: String {
        "\(self.send),\(self.receive)"
    }
}
