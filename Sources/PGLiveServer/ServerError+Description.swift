extension ServerError: CustomStringConvertible {
    /// The short text for a STOMP `ERROR` frame's `message` header.
    public var message: String {
        switch self {
        case .invalidUser: "invalid --user"
        case .topic(let error): error.message
        case .tableTopic: "SEND refused"
        case .invalidSelector: "invalid selector"
        case .invalidResumePoint, .conflictingResumePoints: "invalid resume point"
        case .invalidOldRow: "invalid old-row"
        case .eventLog(.unknownTopic): "unknown topic"
        case .eventLog(.pruned): "position pruned"
        case .database: "database error"
        case .forbidden(let denial): denial.message
        }
    }

    /// The human explanation, for an `ERROR` frame's body or a CLI message.
    public var detail: String {
        switch self {
        case .invalidUser:
            "--user takes NAME:PASSWORD with a non-empty name."
        case .topic(let error):
            error.detail
        case .tableTopic(let topic):
            "The topic '\(topic)' is a table topic: its events come from its table, not from SEND."
        case .invalidSelector(let error):
            "\(error)"
        case .invalidResumePoint(let header, let value):
            "\(header) takes " + (header == "from-time" ? "an RFC 3339 time" : "a position or 'earliest'") + ", not '\(value)'."
        case .conflictingResumePoints:
            "Give from-position or from-time, not both."
        case .invalidOldRow(let value):
            "old-row takes 'true' or 'false', not '\(value)'."
        case .eventLog(let error):
            "\(error)."
        case .database(let error):
            error.message
        case .forbidden(let denial):
            denial.detail
        }
    }

    /// The message and the detail in one line.
    public var description: String {
        "\(self.message): \(self.detail)"
    }
}
