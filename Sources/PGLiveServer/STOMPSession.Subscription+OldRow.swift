import STOMP

extension STOMPSession.Subscription {
    /// Whether the `SUBSCRIBE` asked for row bodies that carry the old row (`old-row:true`);
    /// `false` without the header.
    ///
    /// - Throws: ``ServerError/invalidOldRow(_:)`` for a value other than `true` or `false`.
    var includesOldRow: Bool {
        get throws(ServerError) {
            switch self.oldRow {
            case nil, "false": false
            case "true": true
            case let value?: throw .invalidOldRow(value)
            }
        }
    }
}
