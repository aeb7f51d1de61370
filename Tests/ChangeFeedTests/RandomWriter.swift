import PostgresLibPQ

/// A writer of random transactions on its own rows of `items`: single inserts,
/// multi-row inserts, updates, deletes, several statements per transaction, and
/// rollbacks. Returns how many row changes it committed (each is one event).
struct RandomWriter: Sendable {
    let id: Int
    let seed: UInt64

    func write(transactions: Int, on pool: PostgresPool) async throws -> Int {
        var generator = SplitMix(seed: seed)
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
                                "INSERT INTO items SELECT $1 + g, $2, g FROM generate_series(0, $3 - 1) g",
                                [key, id, rows]).affectedRows ?? 0
                            key += rows
                        case 2:
                            changes += try connection.query(
                                "UPDATE items SET n = n + 1 WHERE writer = $1 AND id % 5 = $2", [id, Int(choice % 5)]).affectedRows ?? 0
                        default:
                            changes += try connection.query(
                                "DELETE FROM items WHERE writer = $1 AND id % 7 = $2", [id, Int(choice % 7)]).affectedRows ?? 0
                        }
                    }
                    if rollback { throw RolledBack(keys: key) }
                    return (changes, key)
                }
                }
            } catch let rolledBack as RolledBack {
                (changes, keys) = (0, rolledBack.keys)
            }
            nextKey = keys
            committed += changes
        }
        return committed
    }
}

/// Thrown to roll a transaction back on purpose.
struct RolledBack: Error {
    let keys: Int
}

/// A small seeded random generator, so failures reproduce.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
