import ChangeFeed
import Migrations
import PostgresLibPQ
import PostgresTestSupport
import Testing

/// Migration 0006 on a log written by 0001–0005: every (topic, transaction) of the existing
/// events is listed, the per-event topic index is gone, and reads and new writes work.
@Suite struct TransactionTopicsMigrationTests {
    @Test func migrationListsTheTopicsOfExistingTransactionsAndDropsThePerEventIndex() throws {
        let database = try TestPostgres.makeDatabase(label: "txtopicsmigration")
        let runner = MigrationRunner(
            connection: try database.connect(), folder: try MigrationFolder.load(path: TestPostgres.projectMigrations),
            lockTimeout: .seconds(60), report: { _ in })
        try runner.up(to: MigrationVersion(value: 5))
        let connection = try database.connect()
        try connection.execute("CREATE TABLE orders (id int); CREATE TABLE parts (id int)")
        try connection.query("SELECT pglive.publish_table('orders')")
        try connection.query("SELECT pglive.publish_table('parts')")
        try connection.query("SELECT pglive.create_topic('chat')")
        // Positions 1–4: orders 1, 2, chat 3, parts 4; 5–6: parts; 7: orders.
        try connection.transaction { writer in
            try writer.query("INSERT INTO orders VALUES (1), (2)")
            try writer.query("SELECT pglive.publish('chat', '{}'::jsonb)")
            try writer.query("INSERT INTO parts VALUES (1)")
        }
        try connection.query("INSERT INTO parts VALUES (2), (3)")
        try connection.query("INSERT INTO orders VALUES (3)")

        try runner.up()

        let listed = try connection.query(
            "SELECT topic || '@' || first_position AS r FROM pglive.transaction_topics ORDER BY first_position, topic"
        ).rows.map { try $0.decode("r", as: String.self) }
        #expect(listed == ["chat@1", "orders@1", "parts@1", "parts@5", "orders@7"])
        #expect(try connection.query("SELECT to_regclass('pglive.events_topic_tx') IS NULL AS gone").rows[0].decode("gone", as: Bool.self))
        let topicOf = { (topic: String) in try EventLog.events(after: 0, topic: topic, limit: 10, on: connection).map(\.position) }
        #expect(try topicOf("orders") == [1, 2, 7])
        #expect(try topicOf("parts") == [4, 5, 6])
        #expect(try topicOf("chat") == [3])

        try connection.query("INSERT INTO orders VALUES (4)")
        #expect(try topicOf("orders") == [1, 2, 7, 8])
        #expect(try connection.query("SELECT count(*) AS n FROM pglive.event_log").rows[0].decode("n", as: Int.self) == 8)
    }
}
