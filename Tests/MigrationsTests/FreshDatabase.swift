import Foundation
import PostgresTestSupport

/// A fresh test database, created on a thread of its own.
///
/// The first call starts the private server and waits for `pg_ctl` with
/// `Process.waitUntilExit`, whose child-exit notice is delivered on a Dispatch global
/// queue, the same threads as the Swift concurrency pool (two on a 2-core machine).
/// Calling `TestPostgres.makeDatabase` from tests running in the pool could block every
/// pool thread (one waiting for `pg_ctl`, the others for the lazy server) and never
/// wake; on a plain thread the pool stays free to deliver the notice.
/// - Parameter label: a readable part of the database name.
func freshDatabase(_ label: String) async throws -> TestDatabase {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread {
            continuation.resume(with: Result { try TestPostgres.makeDatabase(label: label) })
        }
    }
}
