/// How to reach a PostgreSQL server.
///
/// `connectionString` is anything libpq accepts: a URL
/// (`postgresql://user@host:5432/db?sslmode=disable`), key/value pairs
/// (`host=/tmp dbname=app`), or the empty string, in which case libpq reads the
/// standard `PG*` environment variables, `~/.pgpass` and its service file exactly as
/// `psql` does.
public struct PostgresConfiguration: Sendable, Hashable {
    /// A libpq connection string or URL; empty means "from the environment".
    public var connectionString: String
    /// The `application_name` shown in `pg_stat_activity`, unless the connection string sets one.
    public var applicationName: String
    /// A database name that overrides the one in the connection string, if set.
    public var databaseName: String?

    /// Creates a configuration.
    /// - Parameters:
    ///   - connectionString: a libpq connection string or URL, or `""` for the `PG*` environment.
    ///   - applicationName: the default `application_name`.
    ///   - databaseName: a database name overriding the connection string's.
    public init(connectionString: String = "", applicationName: String = "pglive", databaseName: String? = nil) {
        self.connectionString = connectionString
        self.applicationName = applicationName
        self.databaseName = databaseName
    }

    /// The `PQconnectdbParams` keywords and values: defaults first, then the user's
    /// connection string (which overrides them), then the settings pglive relies on.
    var connectParameters: [(String, String)] {
        var parameters: [(String, String)] = [
            ("application_name", applicationName),
            ("connect_timeout", "10"),
            ("keepalives", "1"),
            ("keepalives_idle", "10"),
            ("keepalives_interval", "5"),
            ("keepalives_count", "3"),
        ]
        if !connectionString.isEmpty {
            parameters.append(("dbname", connectionString))
        }
        if let databaseName {
            parameters.append(("dbname", databaseName))
        }
        parameters.append(("client_encoding", "UTF8"))
        return parameters
    }
}
