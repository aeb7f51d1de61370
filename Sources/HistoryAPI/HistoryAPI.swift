import Authorization
import ChangeFeed
import Crypto
import Hummingbird
import Logging
import PostgresLibPQ

/// The history REST API: the topic catalogue, a topic's events from the log, and a table
/// topic's current rows with the position to continue from live.
///
/// ```swift
/// let key = try await pool.withConnection { try HistoryAPI.cursorKey(on: $0) }
/// let history = HistoryAPI(pool: pool, cursorKey: key, logger: logger)
/// history.addRoutes(to: router.group("api/v1"))
/// ```
///
/// Every query runs on the pool in a read-only transaction with a statement timeout; values
/// from requests are bind parameters; identifiers come from the catalogue only.
public struct HistoryAPI: Sendable {
    let pool: PostgresPool
    /// The cursor signing key's bytes (`SymmetricKey` is not `Sendable`).
    let keyBytes: [UInt8]
    let configuration: HistoryConfiguration
    let logger: Logger
    /// The exports streaming, bounded by ``HistoryConfiguration/maxConcurrentExports``.
    let streamSlots: StreamSlots

    /// Creates the API.
    /// - Parameters:
    ///   - pool: where queries run.
    ///   - cursorKey: the key that signs cursors and ETags (``cursorKey(on:)``).
    ///   - configuration: limits.
    ///   - logger: where failures are logged.
    public init(pool: PostgresPool, cursorKey: [UInt8], configuration: HistoryConfiguration = .init(), logger: Logger) {
        self.pool = pool
        self.keyBytes = cursorKey
        self.configuration = configuration
        self.logger = logger
        self.streamSlots = StreamSlots(limit: configuration.maxConcurrentExports)
    }

    /// The cursor and ETag signing key.
    var key: SymmetricKey { SymmetricKey(data: keyBytes) }

    /// Reads the database's cursor signing key (`pglive.cursor_key`), shared by every
    /// process serving the database so that cursors work on any of them.
    /// - Parameter connection: a connection to a migrated database.
    public static func cursorKey(on connection: PGConnection) throws -> [UInt8] {
        try connection.query("SELECT key FROM pglive.cursor_key").rows[0].decode("key", as: [UInt8].self)
    }

    /// Adds `GET topics`, `GET topics/:topic/events` and `GET topics/:topic/rows` to a
    /// router or group (usually `api/v1`), behind a middleware that sets the context's
    /// ``PrincipalRequestContext/principal``: the catalogue lists the topics it may read,
    /// the topic endpoints answer 403 for others and AND its row restriction into every query.
    /// - Parameter routes: the router or group.
    public func addRoutes<Routes: RouterMethods>(to routes: Routes) where Routes.Context: PrincipalRequestContext {
        routes.get("topics") { _, context in try await self.topics(for: try Self.principal(of: context)) }
        routes.get("topics/:topic/events") { request, context in
            try await self.events(request, topic: try context.parameters.require("topic"), principal: try Self.principal(of: context))
        }
        routes.get("topics/:topic/rows") { request, context in
            try await self.rows(request, topic: try context.parameters.require("topic"), principal: try Self.principal(of: context))
        }
    }

    /// Runs read-only work on a pooled connection, in one snapshot, with the page statement timeout.
    func read<T: Sendable>(_ body: @escaping @Sendable (PGConnection) throws -> T) async throws(HistoryError) -> T {
        let timeout = configuration.statementTimeout.components
        let milliseconds = timeout.seconds * 1000 + timeout.attoseconds / 1_000_000_000_000_000
        do {
            return try await pool.withConnection { connection in
                try connection.transaction(.readOnlySnapshot) { connection in
                    try connection.execute("SET LOCAL statement_timeout = \(max(1, milliseconds))")
                    return try body(connection)
                }
            }
        } catch {
            throw HistoryError.database(error, logger: logger)
        }
    }

    /// A topic from the catalogue.
    /// - Throws: ``HistoryError/Code/unknownTopic`` when there is none of that name.
    func topic(named name: String) async throws(HistoryError) -> CatalogTopic {
        guard let topic = try await read({ try TopicCatalogReader.topic(named: name, on: $0) }) else {
            throw HistoryError(.unknownTopic, "no topic named \(name)", detail: "GET /api/v1/topics lists them")
        }
        return topic
    }

    /// The catalogue of the topics a principal may read.
    private func topics(for principal: Principal) async throws(HistoryError) -> Response {
        let access = principal.access
        let data = try await read { connection in
            guard !access.read.contains(.all) else {
                return try TopicCatalogReader.catalogueJSON(on: connection)
            }
            let names = try TopicCatalogReader.names(on: connection).filter { access.allows(.read, topic: $0) }
            return try TopicCatalogReader.catalogueJSON(on: connection, only: names)
        }
        return Response(
            status: .ok, headers: [.contentType: ResponseFormat.json.contentType],
            body: ResponseBody(byteBuffer: ByteBuffer(string: #"{"data":"# + data + "}")))
    }

    /// What every topic endpoint reads from a request first: its query parameters in order
    /// (percent-decoded), the response format, and the parameters split into controls and filters.
    /// - Parameters:
    ///   - request: the request.
    ///   - controlNames: the endpoint's own parameters.
    ///   - scope: the endpoint and topic, for the cursor fingerprint (`events/orders`).
    static func parse(
        _ request: Request, controlNames: Set<String>, scope: String
    ) throws(HistoryError) -> (pairs: [(String, String)], format: ResponseFormat, parameters: HistoryParameters) {
        let pairs = request.uri.queryParameters.map { (String($0.key), String($0.value)) }
        let format = try ResponseFormat.negotiate(
            parameter: pairs.first { $0.0 == "format" }?.1, accept: request.headers[.accept])
        return (pairs, format, try HistoryParameters(pairs, controlNames: controlNames, scope: scope))
    }
}
