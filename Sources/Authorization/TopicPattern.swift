/// A topic name or a prefix ending in `*`, as the `read` and `publish` claims and the
/// `filters` keys write them.
///
/// - `orders` matches the topic `orders` only;
/// - `orders.*` matches every topic starting with `orders.` (`orders.eu`, `orders.eu.paid`),
///   not `orders` itself;
/// - `orders*` matches every topic starting with `orders` (`orders`, `orders_archive`);
/// - `*` matches every topic.
///
/// A `*` anywhere but at the end is refused, and so is anything a topic name cannot hold
/// (`[a-z0-9][a-z0-9_.-]*`, at most 200 bytes).
///
/// ```swift
/// let pattern = try TopicPattern("orders.*")
/// pattern.matches("orders.eu") // true
/// pattern.matches("orders")    // false
/// ```
public struct TopicPattern: Sendable, Hashable, CustomStringConvertible {
    /// The longest topic name, in bytes.
    static let maximumLength = 200

    /// The text before the `*`, or the whole name.
    let stem: String
    /// Whether the pattern ends in `*`.
    let isPrefix: Bool

    /// Every topic: `*`.
    public static let all = TopicPattern(stem: "", isPrefix: true)

    private init(stem: String, isPrefix: Bool) {
        self.stem = stem
        self.isPrefix = isPrefix
    }

    /// Parses a pattern.
    ///
    /// - Parameters:
    ///   - text: A topic name, or a prefix followed by `*`.
    /// - Throws: ``AccessPolicyError/invalidPattern(_:)`` for anything else.
    public init(_ text: String) throws(AccessPolicyError) {
        let isPrefix = text.hasSuffix("*")
        let stem = isPrefix ? String(text.dropLast()) : text
        let bytes = Array(stem.utf8)
        guard bytes.count <= Self.maximumLength, isPrefix || !bytes.isEmpty,
              bytes.allSatisfy(Self.isTopicByte), bytes.first.map(Self.isLeadingByte) ?? true
        else {
            throw .invalidPattern(text)
        }
        self.init(stem: stem, isPrefix: isPrefix)
    }

    /// Whether a topic name matches.
    ///
    /// - Parameters:
    ///   - topic: A topic name, e.g. `orders.eu`.
    public func matches(_ topic: String) -> Bool {
        self.isPrefix ? topic.utf8.starts(with: self.stem.utf8) : topic == self.stem
    }

    /// The pattern as written: `orders.*`.
    public var description: String {
        self.isPrefix ? self.stem + "*" : self.stem
    }

    private static func isLeadingByte(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isTopicByte(_ byte: UInt8) -> Bool {
        isLeadingByte(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
    }
}
