/// What a client asks to do with a topic; each verb is granted by its own list of patterns.
///
/// ```swift
/// try policy.authorize(.read, topic: "orders")
/// ```
public enum AccessVerb: String, Sendable, Hashable, CaseIterable {
    /// `SUBSCRIBE`, and the history API's events and rows.
    case read
    /// `SEND` (alone or in a committed transaction).
    case publish
}
