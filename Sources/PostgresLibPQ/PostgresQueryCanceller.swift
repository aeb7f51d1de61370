import CLibPQ
import Synchronization

/// Cancels the statement currently running on one connection, from any thread.
///
/// libpq documents `PQcancel` as safe to call from another thread than the one using
/// the connection; the mutex serialises it with freeing the handle.
public final class PostgresQueryCanceller: Sendable {
    private let handle: Mutex<OpaquePointer?>

    init(handle: sending OpaquePointer?) {
        self.handle = Mutex(handle)
    }

    deinit {
        handle.withLock { handle in
            if let handle { PQfreeCancel(handle) }
        }
    }

    /// Asks the server to cancel the running statement; does nothing when none runs.
    ///
    /// This opens a short connection to the server, so it blocks briefly.
    public func cancel() {
        handle.withLock { handle in
            guard let handle else { return }
            var buffer = [CChar](repeating: 0, count: 256)
            _ = PQcancel(handle, &buffer, Int32(buffer.count))
        }
    }
}
