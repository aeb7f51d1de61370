import Foundation
import PostgresLibPQ
import PostgresTestSupport
import Synchronization

/// A table lock a test holds in a transaction of its own, on a connection of its own,
/// until it lets the lock go: what waits on the lock waits until then.
final class HeldTableLock: Sendable {
    /// A flag one task sets and another polls.
    private final class Flag: Sendable {
        private let value = Mutex(false)
        func set() { self.value.withLock { $0 = true } }
        var isSet: Bool { self.value.withLock { $0 } }
    }

    private let released = Flag()
    private let holder: Task<Void, any Error>

    /// Takes `LOCK TABLE table IN mode MODE` and returns once the lock is held.
    init(_ table: String, mode: String, in database: TestDatabase) async throws {
        let (locked, released) = (Flag(), self.released)
        self.holder = Task {
            try await blocking {
                let connection = try database.connect()
                try connection.execute("BEGIN")
                try connection.execute("LOCK TABLE \(table) IN \(mode) MODE")
                locked.set()
                while !released.isSet { usleep(10_000) }
                try connection.execute("COMMIT")
            }
        }
        try await Deadline.waitUntil("the lock on \(table)") { locked.isSet }
    }

    /// Commits the holder's transaction and waits until it did.
    func release() async throws {
        self.released.set()
        try await self.holder.value
    }
}
