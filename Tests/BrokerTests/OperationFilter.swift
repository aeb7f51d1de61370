import Broker

/// Accepts events whose operation is one of a set, a pure predicate.
struct OperationFilter: EventFilter {
    var operations: Set<BrokerEvent.Operation>

    func matches(_ event: BrokerEvent) -> Bool {
        self.operations.contains(event.operation)
    }
}
