/// A topic name checked against the grammar `[a-z0-9][a-z0-9_.-]*`, at most 200 bytes.
///
/// Clients name a topic through its destination, `/topic/<name>`.
///
/// ```swift
/// let topic = try Topic(destination: "/topic/orders") // topic.name == "orders"
/// try Topic("Orders") // throws BrokerError.invalidTopic("Orders")
/// ```
public struct Topic: Sendable, Hashable, CustomStringConvertible {
    /// The longest topic name, in bytes.
    public static let maxLength = 200
    /// What every destination starts with.
    public static let destinationPrefix = "/topic/"

    /// The topic's name, e.g. `orders`.
    public let name: String
    /// The topic's destination, e.g. `/topic/orders`.
    public let destination: String

    /// Checks a topic name.
    ///
    /// - Parameters:
    ///   - name: The name, e.g. `chat.lobby`.
    /// - Throws: ``BrokerError/invalidTopic(_:)`` when the name breaks the grammar or is too long.
    public init(_ name: String) throws(BrokerError) {
        guard Self.isValid(name) else {
            throw .invalidTopic(name)
        }
        self.name = name
        self.destination = Self.destinationPrefix + name
    }

    /// Reads the topic of a destination such as `/topic/orders`.
    ///
    /// - Parameters:
    ///   - destination: A `SUBSCRIBE` or `SEND` frame's `destination` header.
    /// - Throws: ``BrokerError/invalidDestination(_:)`` when it does not start with `/topic/`,
    ///   ``BrokerError/invalidTopic(_:)`` when the rest is not a valid topic name.
    public init(destination: String) throws(BrokerError) {
        guard destination.hasPrefix(Self.destinationPrefix) else {
            throw .invalidDestination(destination)
        }
        try self.init(String(destination.dropFirst(Self.destinationPrefix.count)))
    }

    /// The topic's name.
    public var description: String {
        self.name
    }

    /// Whether a name follows `[a-z0-9][a-z0-9_.-]*` and has at most ``maxLength`` bytes.
    private static func isValid(_ name: String) -> Bool {
        let bytes = name.utf8
        guard let first = bytes.first, bytes.count <= Self.maxLength, Self.isLowercaseLetterOrDigit(first) else {
            return false
        }
        return bytes.allSatisfy { byte in
            Self.isLowercaseLetterOrDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "-")
        }
    }

    private static func isLowercaseLetterOrDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
