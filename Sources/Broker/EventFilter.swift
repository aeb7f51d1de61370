/// Decides which events a subscription receives, e.g. a parsed `selector` header.
///
/// The broker asks it once per event and subscription, after the position check; it must
/// be cheap and free of side effects.
///
/// ```swift
/// struct Operations: EventFilter {
///     var allowed: Set<BrokerEvent.Operation>
///     func matches(_ event: BrokerEvent) -> Bool { allowed.contains(event.operation) }
/// }
/// ```
public protocol EventFilter: Sendable {
    /// Whether the subscription receives the event.
    ///
    /// - Parameters:
    ///   - event: An event of the subscription's topic.
    func matches(_ event: BrokerEvent) -> Bool
}
