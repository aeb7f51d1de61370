import Foundation

/// Who is on the other end of a STOMP session or an HTTP request, once authenticated:
/// how they proved it, the subject to log (never a secret), what they may do, and when
/// their credentials stop being valid.
///
/// ```swift
/// try principal.authorize(.read, topic: "orders")
/// ```
public struct Principal: Sendable, Hashable {
    /// How the identity was established.
    public enum Kind: String, Sendable, Hashable {
        /// No credentials, with anonymous access configured.
        case anonymous
        /// A static user of `--user`.
        case user
        /// A bearer token (JWT).
        case token
    }

    /// How the identity was established.
    public let kind: Kind
    /// The login, the token's `sub`, or `anonymous`: what logs and denials name.
    public let subject: String
    /// What it may do.
    public let access: AccessPolicy
    /// When its credentials expire (a token's `exp` plus the clock-skew allowance); `nil` for
    /// credentials that do not expire.
    public let expiresAt: Date?

    /// Creates a principal.
    ///
    /// - Parameters:
    ///   - kind: How the identity was established.
    ///   - subject: What logs and denials name.
    ///   - access: What it may do.
    ///   - expiresAt: When its credentials expire, if they do.
    public init(kind: Kind, subject: String, access: AccessPolicy, expiresAt: Date? = nil) {
        self.kind = kind
        self.subject = subject
        self.access = access
        self.expiresAt = expiresAt
    }

    /// Checks a verb on a topic.
    ///
    /// - Parameters:
    ///   - verb: Read or publish.
    ///   - topic: The topic name.
    /// - Throws: ``AccessDenial`` naming the verb, the topic and the subject.
    public func authorize(_ verb: AccessVerb, topic: String) throws(AccessDenial) {
        guard self.access.allows(verb, topic: topic) else {
            throw AccessDenial(verb: verb, topic: topic, subject: self.subject)
        }
    }
}
