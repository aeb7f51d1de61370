import PostgresLibPQ

/// The demo's own tables and topics, kept out of `migrations/`: they show the product,
/// they are not part of its schema.
///
/// - `demo.sensor_readings`, published as topic `sensors`;
/// - `demo.orders`, published as topic `orders` with the old row on updates and deletes;
/// - the application topic `chat.lobby`.
///
/// Every statement is idempotent, so a reused database or `--data-dir` installs again harmlessly.
enum DemoSchema {
    /// The topics the demo publishes, for the banner.
    static let topics = ["sensors", "orders", "chat.lobby"]

    /// Creates the tables if missing and (re)publishes them, in one transaction.
    ///
    /// - Parameter connection: A connection to a database with pglive's migrations applied.
    static func install(on connection: PGConnection) throws {
        _ = try connection.transaction { connection in try connection.execute(sql) }
    }

    static let sql = """
        SET LOCAL client_min_messages = warning;
        CREATE SCHEMA IF NOT EXISTS demo;
        CREATE TABLE IF NOT EXISTS demo.sensor_readings (
            id bigserial PRIMARY KEY,
            sensor text NOT NULL,
            temperature numeric(5,2) NOT NULL,
            humidity numeric(5,2) NOT NULL,
            recorded_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE TABLE IF NOT EXISTS demo.orders (
            id bigserial PRIMARY KEY,
            customer text NOT NULL,
            amount numeric(10,2) NOT NULL,
            status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'shipped', 'cancelled')),
            updated_at timestamptz NOT NULL DEFAULT now()
        );
        SELECT pglive.publish_table('demo.sensor_readings', topic => 'sensors');
        SELECT pglive.publish_table('demo.orders', topic => 'orders', keep_old => true);
        SELECT pglive.create_topic('chat.lobby');
        """
}
