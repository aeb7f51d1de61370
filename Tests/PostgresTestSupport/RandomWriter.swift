import PostgresLibPQ

/// A writer of random transactions on its own rows of a table `items (id int PRIMARY KEY,
/// writer int, n int)`: single inserts, multi-row inserts, updates, deletes, several
/// statements per transaction, and rollbacks. Several of them interleave at random.
public struct RandomWriter: Sendable {
    /// The writer's number: its rows are `writer = id`, its keys start at `id * 1_000_000`.
    public let id: Int
    /// The seed of its choices, so a failure reproduces.
    public let seed: UInt64

    /// Creates a writer.
    /// - Parameters:
    ///   - id: the writer's number, unique among concurrent writers.
    ///   - seed: the seed of its random choices.
    public init(id: Int, seed: UInt64) {
        self.id = id
        self.seed = seed
    }

    /// Runs `transactions` random transactions, each on a connection of `pool`.
    /// - Parameters:
    ///   - transactions: how many transactions to run (about one in ten rolls back).
    ///   - pool: where to write.
    ///   - pace: called after each transaction with the row changes it committed (0 for a
    ///     rollback); it may suspend to hold the writer back. Nothing by default.
    /// - Returns: how many row changes it committed (each is one event).
    public func write(
        transactions: Int, on pool: PostgresPool, pacedBy pace: @Sendable (_ committed: Int) async throws -> Void = { _ in }
    ) async throws -> Int {
        var generator = SeededGenerator(seed: seed)
        var nextKey = id * 1_000_000
        var committed = 0
        for _ in 0..<transactions {
            let plan = (0..<Int(generator.next() % 3) + 1).map { _ in generator.next() }
            let rollback = generator.next() % 10 == 0
            let start = nextKey
            let changes: Int, keys: Int
            do {
                (changes, keys) = try await pool.withConnection { connection in
                    try connection.transaction { connection in
                        let (changes, key) = try self.run(plan, from: start, on: connection)
                        if rollback { throw RolledBack(keys: key) }
                        return (changes, key)
                    }
                }
            } catch let rolledBack as RolledBack {
                (changes, keys) = (0, rolledBack.keys)
            }
            nextKey = keys
            committed += changes
            try await pace(changes)
        }
        return committed
    }

    /// Runs one transaction's statements; returns the rows they changed and the next free key.
    private func run(_ plan: [UInt64], from start: Int, on connection: PGConnection) throws -> (changes: Int, key: Int) {
        var changes = 0
        var key = start
        for choice in plan {
            switch choice % 4 {
            case 0:
                changes += try connection.query("INSERT INTO items VALUES ($1, $2, 0)", [key, id]).affectedRows ?? 0
                key += 1
            case 1:
                let rows = Int(choice % 17) + 2
                changes += try connection.query(
                    "INSERT INTO items SELECT $1 + g, $2, g FROM generate_series(0, $3 - 1) g", [key, id, rows]
                ).affectedRows ?? 0
                key += rows
            case 2:
                changes += try connection.query(
                    "UPDATE items SET n = n + 1 WHERE writer = $1 AND id % 5 = $2", [id, Int(choice % 5)]).affectedRows ?? 0
            default:
                changes += try connection.query(
                    "DELETE FROM items WHERE writer = $1 AND id % 7 = $2", [id, Int(choice % 7)]).affectedRows ?? 0
            }
        }
        return (changes, key)
    }

    /// Thrown to roll a transaction back on purpose; carries the next free key.
    private struct RolledBack: Error {
        let keys: Int
    }
}
