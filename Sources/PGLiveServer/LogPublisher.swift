import Authorization
import Broker
import Foundation
import PostgresLibPQ
import STOMP

/// Stores clients' `SEND`s in the events log through `pglive.publish`, so they reach
/// subscribers (on every process) through the change feed, and their history.
struct LogPublisher: Sendable {
    /// The content type of a `SEND` without `content-type`: subscribers get the same
    /// `application/json` as for table events.
    static let defaultContentType = "application/json"

    /// Stores one publication; its position is assigned when its transaction commits.
    static let publishStatement = "SELECT pglive.publish($1, $2::bytea, $3, $4::jsonb)"

    /// Resolves destinations.
    let resolver: TopicResolver
    /// Where the log is written.
    let pool: PostgresPool

    /// Stores publications in one database transaction: all of them or none. Every
    /// destination is authorised first, before any topic is looked up or created.
    ///
    /// - Parameters:
    ///   - publications: A `SEND`, or a committed transaction's `SEND`s, in order.
    ///   - principal: Who publishes.
    /// - Throws: ``ServerError/forbidden(_:)``, ``ServerError/tableTopic(_:)``,
    ///   ``ServerError/topic(_:)`` or ``ServerError/database(_:)``.
    func publish(_ publications: [STOMPSession.Publication], principal: Principal) async throws(ServerError) {
        for publication in publications {
            try self.resolver.authorize(.publish, destination: publication.destination, principal: principal)
        }
        var rows: [[any PostgresBindable]] = []
        for publication in publications {
            let (topic, kind) = try await self.resolver.resolve(publication.destination)
            guard kind == .app else {
                throw .tableTopic(topic.name)
            }
            rows.append([
                topic.name,
                Array(publication.body.readableBytesView),
                publication.headers["content-type"] ?? Self.defaultContentType,
                PostgresJSON(Self.userHeadersJSON(publication.headers)),
            ])
        }
        let statements = rows
        try await self.pool.serving { connection in
            // One publication is one statement in its own transaction: no BEGIN and COMMIT
            // round trips on the path of every SEND.
            if statements.count == 1, let only = statements.first {
                try connection.queryPrepared(Self.publishStatement, only)
                return
            }
            try connection.transaction { connection in
                for parameters in statements {
                    try connection.queryPrepared(Self.publishStatement, parameters)
                }
            }
        }
    }

    /// The headers a `SEND` carries for its subscribers, as a JSON object: all but those
    /// STOMP or pglive define; the first of repeated headers wins.
    static func userHeadersJSON(_ headers: STOMPHeaders) -> String {
        var object: [String: String] = [:]
        for (name, value) in headers where !BrokerEvent.reservedHeaderNames.contains(name) && object[name] == nil {
            object[name] = value
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
