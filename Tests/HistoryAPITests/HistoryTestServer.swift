import Authorization
import Foundation
import HTTPTypes
@testable import HistoryAPI
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import PostgresLibPQ
import PostgresTestSupport

/// The history API served over a real socket against a test database, with a pool the
/// test can inspect.
struct HistoryTestServer {
    let database: TestDatabase
    let pool: PostgresPool
    let configuration: HistoryConfiguration

    init(database: TestDatabase, configuration: HistoryConfiguration = .init()) {
        self.database = database
        self.configuration = configuration
        self.pool = PostgresPool(connection: database.configuration, configuration: .init(maxConnections: 4), logger: TestPostgres.logger)
    }

    /// Runs `test` with a client of a live server; closes the pool afterwards.
    func run<T: Sendable>(_ test: @escaping @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        let key = try await pool.withConnection { try HistoryAPI.cursorKey(on: $0) }
        let router = Router(context: OpenAccessContext.self)
        OpenAPIDocument.addRoute(to: router)
        HistoryAPI(pool: pool, cursorKey: key, configuration: configuration, logger: TestPostgres.logger)
            .addRoutes(to: router.group("api/v1"))
        let application = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)))
        do {
            let value = try await application.test(.live) { client in try await test(client) }
            await pool.close()
            return value
        } catch {
            await pool.close()
            throw error
        }
    }
}

/// A request context whose principal may read everything, as a static user's: these tests
/// are about the history API, not about authorisation.
struct OpenAccessContext: PrincipalRequestContext {
    var coreContext: CoreRequestContextStorage
    var principal: Principal? = Principal(kind: .user, subject: "test", access: .unrestricted)

    init(source: Source) {
        self.coreContext = .init(source: source)
    }
}

extension TestClientProtocol {
    /// A GET with optional `Accept`.
    func get(_ uri: String, accept: String? = nil, headers: HTTPFields = [:]) async throws -> TestResponse {
        var fields = headers
        if let accept { fields[.accept] = accept }
        return try await execute(uri: uri, method: .get, headers: fields)
    }
}

extension TestResponse {
    /// The body as text.
    var text: String { String(buffer: body) }

    /// The body as a JSON object.
    var json: [String: Any] {
        get throws { try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any] ?? [:] }
    }

    /// The error code of a JSON error body.
    var errorCode: String? {
        ((try? json)?["error"] as? [String: Any])?["code"] as? String
    }
}

/// Percent-encodes a query value.
func encoded(_ value: String) -> String {
    value.addingPercentEncoding(withAllowedCharacters: CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? value
}
