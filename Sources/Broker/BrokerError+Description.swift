extension BrokerError: CustomStringConvertible {
    /// A short text for an `ERROR` frame's `message` header.
    public var message: String {
        switch self {
        case .invalidDestination: "invalid destination"
        case .invalidTopic: "invalid topic"
        case .unknownTopic: "unknown topic"
        case .unknownSession: "unknown session"
        case .duplicateSession: "duplicate session"
        case .duplicateSubscription: "duplicate subscription id"
        case .slowConsumer: "slow consumer"
        }
    }

    /// A sentence for an `ERROR` frame's body, naming the destination, topic or limit.
    public var detail: String {
        switch self {
        case .invalidDestination(let destination):
            "The destination '\(destination)' is not of the form /topic/<topic>."
        case .invalidTopic(let name):
            "The topic name '\(name)' must match [a-z0-9][a-z0-9_.-]* and have at most \(Topic.maxLength) bytes."
        case .unknownTopic(let name):
            "The topic '\(name)' does not exist."
        case .unknownSession(let id):
            "No broker session has the id '\(id)'."
        case .duplicateSession(let id):
            "A broker session with the id '\(id)' already exists."
        case .duplicateSubscription(let session, let id):
            "Session '\(session)' already has a subscription with the id '\(id)'."
        case .slowConsumer(let frames, let bytes):
            "The client read too slowly: more than \(frames) messages or \(bytes) bytes were waiting for it."
        }
    }

    /// The message and the detail, for logs.
    public var description: String {
        "\(self.message): \(self.detail)"
    }
}
