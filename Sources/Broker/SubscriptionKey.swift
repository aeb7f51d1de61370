/// A subscription's identity in the broker: its session and its id there.
struct SubscriptionKey: Sendable, Hashable {
    /// The session id.
    var session: String
    /// The subscription id, unique within the session.
    var id: String
}
