import Broker
import ChangeFeed
import Foundation
import NIOCore
import PostgresLibPQ
import STOMP

extension BrokerEvent {
    /// The broker's view of an event read from the log: the row JSON and the old row where
    /// kept (or an application event's body, content type and user headers) with its
    /// position, operation and commit time; `nil` for a topic name the broker cannot use.
    ///
    /// - Parameters:
    ///   - event: The logged event.
    init?(_ event: LoggedEvent) {
        guard let topic = try? Topic(event.topic), let operation = Operation(rawValue: event.operation.rawValue) else {
            return nil
        }
        self.init(
            topic: topic,
            position: event.position,
            operation: operation,
            committedAt: PostgresTimestampText.format(event.committedAt),
            contentType: event.payloadContentType,
            headers: Self.headers(json: event.headers),
            body: ByteBuffer(bytes: event.payload),
            oldRow: event.oldRow.map { ByteBuffer(string: $0) }
        )
    }

    /// The user headers of an application event, from their JSON object text; values that
    /// are not strings are written as JSON.
    private static func headers(json: String?) -> STOMPHeaders {
        guard let json, let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return [:]
        }
        var headers: STOMPHeaders = [:]
        for name in object.keys.sorted() {
            if let value = object[name] as? String {
                headers.add(name: name, value: value)
            } else if let value = object[name], let data = try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed]) {
                headers.add(name: name, value: String(decoding: data, as: UTF8.self))
            }
        }
        return headers
    }
}
