extension STOMPSessionError: CustomStringConvertible {
    /// A short text for an ERROR frame's `message` header: one line, no detail.
    public var message: String {
        switch self {
        case .protocolViolation(let error): error.message
        case .notConnected: "not connected"
        case .alreadyConnected: "already connected"
        case .unexpectedCommand: "unexpected command"
        case .missingHeader(let name, _): "missing \(name) header"
        case .invalidAckMode: "invalid ack mode"
        case .duplicateSubscription: "duplicate subscription id"
        case .unknownSubscription: "unknown subscription"
        case .duplicateTransaction: "duplicate transaction"
        case .unknownTransaction: "unknown transaction"
        case .limitExceeded(let limit, _): "\(limit.rawValue) limit exceeded"
        case .heartBeatTimeout: "heart-beat timeout"
        case .credentialsExpired: "token expired"
        case .connectTimeout: "connect timeout"
        case .sendRateExceeded: "SEND rate limit exceeded"
        case .reported(let message, _): message
        }
    }

    /// A sentence for an ERROR frame's body, naming the offending frame, header or limit.
    public var detail: String {
        switch self {
        case .protocolViolation(let error):
            error.detail
        case .notConnected(let command):
            "A \(command.rawValue) frame arrived before the connection was made; send CONNECT or STOMP first."
        case .alreadyConnected:
            "The session is already connected; CONNECT and STOMP are allowed once."
        case .unexpectedCommand(let command):
            "\(command.rawValue) is a server frame; a client may not send it."
        case .missingHeader(let name, let command):
            "A \(command.rawValue) frame needs a '\(name)' header."
        case .invalidAckMode(let mode):
            "The ack mode '\(mode)' is not one of auto, client, client-individual."
        case .duplicateSubscription(let id):
            "The subscription id '\(id)' is already in use in this session."
        case .unknownSubscription(let id):
            "No subscription has the id '\(id)'."
        case .duplicateTransaction(let id):
            "The transaction '\(id)' is already open."
        case .unknownTransaction(let id):
            "No open transaction has the id '\(id)'."
        case .limitExceeded(let limit, let maximum):
            "The session's \(limit.rawValue) would exceed the limit of \(maximum)."
        case .heartBeatTimeout(let milliseconds):
            "Nothing arrived from the client for \(milliseconds) ms."
        case .credentialsExpired:
            "The session's token expired; connect again with a fresh one."
        case .connectTimeout(let milliseconds):
            "No CONNECT frame was sent and accepted within \(milliseconds) ms of opening the connection."
        case .sendRateExceeded(let limit):
            "The session sent SEND frames faster than \(limit.perSecond) per second (bursts of \(limit.burst))."
        case .reported(_, let detail):
            detail
        }
    }

    /// The short message and the detail, for logs.
    public var description: String {
        "\(self.message): \(self.detail)"
    }
}
