/// How many frames of each command went one way through a session, for metrics.
///
/// The session counts what it parses (``STOMPSession/framesReceived``) and what it encodes
/// itself (``STOMPSession/framesSent``: `CONNECTED`, `RECEIPT`, `ERROR`; the broker's
/// `MESSAGE` frames are counted by the broker). Its owner reports the growth since the
/// counts it last saw.
///
/// ```swift
/// for (command, count) in session.framesReceived.increases(since: reported) {
///     counters[command]?.increment(by: count)
/// }
/// reported = session.framesReceived
/// ```
public struct STOMPFrameCounts: Sendable, Equatable {
    /// The counts by command; commands never seen are absent.
    private var counts: [STOMPCommand: Int] = [:]
    /// The sum of all counts, to tell cheaply whether anything changed.
    public private(set) var total = 0

    /// No frames yet.
    public init() {}

    /// The count of one command.
    ///
    /// - Parameters:
    ///   - command: The command.
    public subscript(command: STOMPCommand) -> Int {
        self.counts[command] ?? 0
    }

    /// Counts one frame.
    mutating func add(_ command: STOMPCommand) {
        self.counts[command, default: 0] += 1
        self.total += 1
    }

    /// The commands whose count grew since `earlier`, with how much; empty when `total`
    /// did not change.
    ///
    /// - Parameters:
    ///   - earlier: Counts taken before these from the same session.
    public func increases(since earlier: STOMPFrameCounts) -> [(command: STOMPCommand, count: Int)] {
        guard self.total != earlier.total else {
            return []
        }
        return self.counts.compactMap { command, count in
            let grown = count - earlier[command]
            return grown > 0 ? (command, grown) : nil
        }
    }
}
