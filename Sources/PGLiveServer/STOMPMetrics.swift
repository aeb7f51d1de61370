import Metrics
import STOMP

/// The instruments the STOMP connections record: sessions by transport, frames by
/// command and bytes. A connection records per event of its own (an accept, a received
/// chunk, a control frame), never per `MESSAGE`: the broker counts those, and
/// ``MetricsSampler`` adds them when `/metrics` is scraped.
struct STOMPMetrics: Sendable {
    /// The transports sessions are labelled with.
    static let transports = ["websocket", "tcp"]
    /// The commands the server sends; the rest only clients send.
    static let serverCommands: [STOMPCommand] = [.connected, .message, .receipt, .error]

    /// Connections open, by transport.
    let sessionsOpen: [String: Meter]
    /// Connections accepted, by transport.
    let sessionsOpened: [String: Counter]
    /// Connections refused by a session limit.
    let sessionsRefused: Counter
    /// Connections closed by the write timeout.
    let writeTimeouts: Counter
    /// Frames received, by command (a client sending a server command is counted too).
    let framesIn: [STOMPCommand: Counter]
    /// Frames handed to connections, by server command.
    let framesOut: [STOMPCommand: Counter]
    /// Bytes handed to connections.
    let bytesOut: Counter

    /// Makes the instruments, every label value at once so each series shows from the start.
    ///
    /// - Parameters:
    ///   - factory: The server's factory.
    init(factory: some MetricsFactory) {
        self.sessionsOpen = Self.labelled(Self.transports) {
            Meter(label: PGLiveMetric.sessionsOpen.rawValue, dimensions: [("transport", $0)], factory: factory)
        }
        self.sessionsOpened = Self.labelled(Self.transports) {
            Counter(label: PGLiveMetric.sessionsOpened.rawValue, dimensions: [("transport", $0)], factory: factory)
        }
        self.sessionsRefused = Counter(label: PGLiveMetric.sessionsRefused.rawValue, factory: factory)
        self.writeTimeouts = Counter(label: PGLiveMetric.writeTimeouts.rawValue, factory: factory)
        self.framesIn = Self.labelled(STOMPCommand.allCases) {
            Counter(label: PGLiveMetric.framesIn.rawValue, dimensions: [("command", $0.rawValue)], factory: factory)
        }
        self.framesOut = Self.labelled(Self.serverCommands) {
            Counter(label: PGLiveMetric.framesOut.rawValue, dimensions: [("command", $0.rawValue)], factory: factory)
        }
        self.bytesOut = Counter(label: PGLiveMetric.bytesOut.rawValue, factory: factory)
    }

    /// One instrument per label value.
    private static func labelled<Key: Hashable, Instrument>(_ keys: [Key], _ make: (Key) -> Instrument) -> [Key: Instrument] {
        Dictionary(uniqueKeysWithValues: keys.map { ($0, make($0)) })
    }

    /// Adds the growth of a session's frame counts to the counters of their direction.
    ///
    /// - Parameters:
    ///   - counts: The session's counts now.
    ///   - reported: Its counts when last added; set to `counts`.
    ///   - counters: ``framesIn`` or ``framesOut``.
    static func add(_ counts: STOMPFrameCounts, since reported: inout STOMPFrameCounts, to counters: [STOMPCommand: Counter]) {
        for (command, count) in counts.increases(since: reported) {
            counters[command]?.increment(by: count)
        }
        reported = counts
    }
}
