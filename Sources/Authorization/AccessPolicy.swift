import RowFilter

/// What one identity may do: the topics it may read, those it may publish to, and the row
/// restrictions that are ANDed into everything it reads.
///
/// A policy is decided once per `SUBSCRIBE`, `SEND` or REST request, never per delivered
/// message: the restriction becomes part of the subscription's filter (live and replayed)
/// or of the query's `WHERE`, so fan-out costs the same as without authorisation.
///
/// ```swift
/// let policy = try AccessPolicy(claim: AccessClaim(read: ["orders"], filters: ["orders": "tenant=eq.42"]))
/// policy.allows(.read, topic: "orders")              // true
/// policy.constrain(nil, topic: "orders")?.description // "tenant=eq.42"
/// ```
public struct AccessPolicy: Sendable, Hashable {
    /// A mandatory row filter for the topics a pattern matches.
    public struct Restriction: Sendable, Hashable {
        /// The topics it applies to.
        public let pattern: TopicPattern
        /// The rows those topics show.
        public let predicate: RowPredicate

        /// Creates a restriction.
        ///
        /// - Parameters:
        ///   - pattern: The topics it applies to.
        ///   - predicate: The rows they show.
        public init(pattern: TopicPattern, predicate: RowPredicate) {
            self.pattern = pattern
            self.predicate = predicate
        }
    }

    /// The topics that may be read.
    public var read: [TopicPattern]
    /// The topics that may be published to.
    public var publish: [TopicPattern]
    /// The row restrictions; every one whose pattern matches a topic applies to it.
    public var restrictions: [Restriction]

    /// Everything, unrestricted: static users and, unless configured otherwise, anonymous clients.
    public static let unrestricted = AccessPolicy(read: [.all], publish: [.all])
    /// Nothing: a token without a `pglive` claim.
    public static let nothing = AccessPolicy(read: [], publish: [])

    /// Creates a policy.
    ///
    /// - Parameters:
    ///   - read: The topics that may be read.
    ///   - publish: The topics that may be published to.
    ///   - restrictions: The row restrictions.
    public init(read: [TopicPattern], publish: [TopicPattern], restrictions: [Restriction] = []) {
        self.read = read
        self.publish = publish
        self.restrictions = restrictions
    }

    /// Whether the verb is allowed on a topic.
    ///
    /// - Parameters:
    ///   - verb: Read or publish.
    ///   - topic: The topic name.
    public func allows(_ verb: AccessVerb, topic: String) -> Bool {
        let patterns = verb == .read ? self.read : self.publish
        return patterns.contains { $0.matches(topic) }
    }

    /// The mandatory row filter of a topic: every matching restriction, ANDed; `nil` when
    /// none applies.
    ///
    /// - Parameters:
    ///   - topic: The topic name.
    public func restriction(for topic: String) -> RowPredicate? {
        let predicates = self.restrictions.filter { $0.pattern.matches(topic) }.map(\.predicate)
        guard let first = predicates.first else {
            return nil
        }
        return predicates.dropFirst().reduce(first) { $0.and($1) }
    }

    /// A client's own filter with the topic's restriction ANDed in front: the client can
    /// narrow what it sees, never widen it.
    ///
    /// ```swift
    /// let filter = policy.constrain(try RowFilter.parse(selector: "status=eq.open"), topic: "orders")
    /// // tenant=eq.42&status=eq.open
    /// ```
    ///
    /// - Parameters:
    ///   - filter: The client's `selector` or query filter, if any.
    ///   - topic: The topic name.
    /// - Returns: The filter to apply; `nil` only when neither exists.
    public func constrain(_ filter: RowPredicate?, topic: String) -> RowPredicate? {
        guard let restriction = self.restriction(for: topic) else {
            return filter
        }
        return filter.map { restriction.and($0) } ?? restriction
    }
}
