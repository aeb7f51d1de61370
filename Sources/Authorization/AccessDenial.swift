/// A refused verb on a topic: mapped to a STOMP `ERROR` (then close) or an HTTP 403 that
/// name the verb and the topic and nothing else, so no data leaks.
///
/// ```swift
/// catch let denial as AccessDenial { perform(session.failed(operation, message: denial.message, detail: denial.detail)) }
/// ```
public struct AccessDenial: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was asked.
    public let verb: AccessVerb
    /// The topic it was asked on.
    public let topic: String
    /// Who asked, for the detail and the log.
    public let subject: String

    /// Creates a denial.
    ///
    /// - Parameters:
    ///   - verb: The refused verb.
    ///   - topic: The topic.
    ///   - subject: The subject that asked.
    public init(verb: AccessVerb, topic: String, subject: String) {
        self.verb = verb
        self.topic = topic
        self.subject = subject
    }

    /// The short text for a STOMP `ERROR` frame's `message` header.
    public var message: String {
        "access denied"
    }

    /// A sentence naming the verb and the topic.
    public var detail: String {
        "\(self.subject) may not \(self.verb.rawValue) topic '\(self.topic)'."
    }

    /// The message and the detail.
    public var description: String {
        "\(self.message): \(self.detail)"
    }
}
