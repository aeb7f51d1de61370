import PostgresLibPQ

/// One change the demo makes to `demo.orders`: a new order, an order moving on
/// (open → paid → shipped, some open ones cancelled), or a finished order deleted.
enum DemoOrderStep: Equatable {
    case insert(customer: String, amount: String)
    case advance(cancel: Bool)
    case deleteFinished

    private static let customers = ["ada", "grace", "linus", "margaret", "ken", "barbara", "dennis", "radia"]

    /// The steps of a tick: every tick moves on the oldest unfinished order not changed
    /// in this transaction, every second tick adds one, every fourth deletes the oldest
    /// finished one.
    ///
    /// - Parameter tick: The source's tick counter.
    static func plan(tick: Int) -> [DemoOrderStep] {
        var steps: [DemoOrderStep] = []
        if tick % 2 == 0 {
            let cents = Int.random(in: 500...50_000)
            steps.append(.insert(customer: customers.randomElement()!, amount: "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"))
        }
        steps.append(.advance(cancel: Int.random(in: 0..<7) == 0))
        if tick % 4 == 3 { steps.append(.deleteFinished) }
        return steps
    }

    /// Performs the step with an ordinary statement, so the capture trigger sees it.
    ///
    /// - Parameter connection: The connection, inside the tick's transaction.
    func run(on connection: PGConnection) throws {
        switch self {
        case .insert(let customer, let amount):
            try connection.query("INSERT INTO demo.orders (customer, amount) VALUES ($1, $2::numeric)", [customer, amount])
        case .advance(let cancel):
            try connection.query("""
                UPDATE demo.orders
                SET status = CASE WHEN status = 'paid' THEN 'shipped' WHEN $1 THEN 'cancelled' ELSE 'paid' END,
                    updated_at = now()
                WHERE id = (SELECT id FROM demo.orders WHERE status IN ('open', 'paid') AND updated_at < now() ORDER BY updated_at, id LIMIT 1)
                """, [cancel])
        case .deleteFinished:
            try connection.query("""
                DELETE FROM demo.orders
                WHERE id = (SELECT id FROM demo.orders WHERE status IN ('shipped', 'cancelled') ORDER BY updated_at, id LIMIT 1)
                """)
        }
    }
}
