import Foundation

/// Where a subscriber asks to start reading a topic's log (`from-position`, `from-time`).
public enum ResumePoint: Sendable, Equatable {
    /// Everything after this position (the last one the client saw).
    case after(Int64)
    /// Everything the log still retains.
    case earliest
    /// Everything committed at or after this time.
    case time(Date)
}

/// Why a topic's log cannot be read from where a subscriber asked.
public enum EventLogError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No topic by that name.
    case unknownTopic(String)
    /// The requested start lies before what retention kept: events were pruned.
    case pruned(topic: String, requested: String, oldestRetained: Int64?)

    /// A message for a STOMP `ERROR` or an HTTP error body.
    public var description: String {
        switch self {
        case .unknownTopic(let topic):
            return "unknown topic \"\(topic)\""
        case .pruned(let topic, let requested, let oldest):
            let retained = oldest.map { "the oldest retained position is \($0)" } ?? "no event is retained"
            return "events of topic \"\(topic)\" after \(requested) were pruned by retention; \(retained)"
        }
    }
}
