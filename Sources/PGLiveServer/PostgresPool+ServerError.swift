import ChangeFeed
import PostgresLibPQ

extension PostgresPool {
    /// Runs `body` on a pooled connection (never on an event loop or the concurrency pool)
    /// and types its failure as a ``ServerError``.
    ///
    /// - Parameters:
    ///   - body: Synchronous work with the connection.
    func serving<T: Sendable>(_ body: @escaping @Sendable (PGConnection) throws -> T) async throws(ServerError) -> T {
        do {
            return try await self.withConnection(body)
        } catch let error as ServerError {
            throw error
        } catch let error as EventLogError {
            throw .eventLog(error)
        } catch let error as PostgresError {
            throw .database(error)
        } catch {
            throw .database(PostgresError(.cancelled, message: "\(error)"))
        }
    }
}
