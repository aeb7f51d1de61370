import Broker
import Foundation
import RowFilter

/// A `selector` as the broker's live filter: the row filter evaluated on the event's row
/// JSON, exactly as replay evaluates it in SQL on `row_data` (application events carry no
/// row, so only an empty selector passes them).
struct RowEventFilter: EventFilter {
    /// The parsed selector.
    let predicate: RowPredicate

    func matches(_ event: BrokerEvent) -> Bool {
        guard !self.predicate.conditions.isEmpty else {
            return true
        }
        guard event.operation != .event else {
            return false
        }
        return event.body.withUnsafeReadableBytes { self.predicate.matches($0) }
    }
}
