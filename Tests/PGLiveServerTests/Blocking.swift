import Dispatch

/// Runs blocking work (libpq calls, `CREATE DATABASE`, migrations) on a Dispatch thread,
/// so tests never block the few threads of the Swift concurrency pool that the server
/// and the other suites run on.
func blocking<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try body() })
        }
    }
}
