extension STOMPProtocolError: CustomStringConvertible {
    /// A short text for an ERROR frame's `message` header: one line, no detail.
    public var message: String {
        switch self {
        case .unknownCommand: "unknown command"
        case .malformedHeader: "malformed header"
        case .invalidUTF8: "header is not UTF-8"
        case .invalidEscape: "invalid header escape"
        case .invalidContentLength: "invalid content-length"
        case .missingNullAfterBody: "frame not terminated by NUL"
        case .limitExceeded(let limit, _): "\(limit.rawValue) limit exceeded"
        case .unsupportedVersion: "unsupported protocol version"
        case .malformedHeartBeat: "malformed heart-beat"
        }
    }

    /// A sentence for an ERROR frame's body, naming the offending input or limit.
    public var detail: String {
        switch self {
        case .unknownCommand(let line):
            "'\(line)' is not a STOMP command; commands are case-sensitive, e.g. SEND or SUBSCRIBE."
        case .malformedHeader(let line):
            "The header line '\(line)' has no ':' or an empty name."
        case .invalidUTF8:
            "A header name or value is not valid UTF-8."
        case .invalidEscape(let escape):
            "The header escape '\(escape)' is not defined for this protocol version."
        case .invalidContentLength(let value):
            "The content-length '\(value)' is not a non-negative decimal integer."
        case .missingNullAfterBody:
            "The byte after the content-length body is not the NUL that ends a frame."
        case .limitExceeded(let limit, let maximum):
            "The frame's \(limit.rawValue) exceeds the limit of \(maximum)."
        case .unsupportedVersion(let offered, let supported):
            "None of the versions '\(offered)' is supported; supported: \(supported.headerValue)."
        case .malformedHeartBeat(let value):
            "The heart-beat '\(value)' is not two comma-separated non-negative integers."
        }
    }

    /// The short message and the detail, for logs.
    public var description: String {
        "\(self.message): \(self.detail)"
    }
}
