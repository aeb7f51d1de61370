extension MigrationStatement {
    /// The transaction-control command this statement is (`BEGIN`, `COMMIT`, …), if it is one.
    public var transactionControlCommand: String? {
        guard let first = leadingWords.first else { return nil }
        let second = leadingWords.dropFirst().first
        switch first {
        case "begin", "commit", "rollback", "end", "abort", "savepoint", "release":
            return first.uppercased()
        case "start" where second == "transaction", "prepare" where second == "transaction":
            return "\(first.uppercased()) TRANSACTION"
        default:
            return nil
        }
    }

    /// The command PostgreSQL refuses inside a transaction block that this statement is
    /// (`CREATE INDEX CONCURRENTLY`, `VACUUM`, …), if it is one.
    public var autocommitOnlyCommand: String? {
        let words = leadingWords
        guard let first = words.first else { return nil }
        let rest = Array(words.dropFirst())
        switch first {
        case "vacuum":
            return "VACUUM"
        case "create" where rest.starts(with: ["index", "concurrently"]) || rest.starts(with: ["unique", "index", "concurrently"]):
            return "CREATE INDEX CONCURRENTLY"
        case "drop" where rest.starts(with: ["index", "concurrently"]):
            return "DROP INDEX CONCURRENTLY"
        case "reindex" where rest.prefix(3).contains("concurrently"):
            return "REINDEX CONCURRENTLY"
        case "create" where rest.first == "database", "drop" where rest.first == "database",
             "create" where rest.first == "tablespace", "drop" where rest.first == "tablespace",
             "alter" where rest.first == "system":
            return "\(first.uppercased()) \(rest[0].uppercased())"
        default:
            return nil
        }
    }
}
