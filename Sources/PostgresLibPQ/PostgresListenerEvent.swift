/// What a ``PostgresListener`` reports, in the order it happened.
public enum PostgresListenerEvent: Sendable, Equatable {
    /// The listener is connected and listening on all its channels. Sent on the first
    /// connection and after every reconnection: notifications sent while it was away
    /// are lost, so a consumer catches up from durable state here.
    case connected
    /// A notification arrived.
    case notification(PostgresNotification)
    /// The connection was lost; the listener reconnects with backoff.
    case disconnected(PostgresError)
}

/// One `NOTIFY` received by a listener.
public struct PostgresNotification: Sendable, Equatable {
    /// The channel it was sent on.
    public var channel: String
    /// The payload text (possibly empty).
    public var payload: String
    /// The server process of the notifying session.
    public var senderPID: Int32

    /// Creates a notification.
    /// - Parameters:
    ///   - channel: the channel.
    ///   - payload: the payload.
    ///   - senderPID: the notifying backend's process id.
    public init(channel: String, payload: String, senderPID: Int32) {
        self.channel = channel
        self.payload = payload
        self.senderPID = senderPID
    }
}
