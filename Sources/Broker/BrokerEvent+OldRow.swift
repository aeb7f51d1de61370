import NIOCore

extension BrokerEvent {
    /// The body of a subscription that asked for old rows: for a row change the object
    /// `{"row":<row>,"old_row":<previous row or null>}`, whose two members are byte for
    /// byte those of the history API's event document (`pglive.event_document`); an
    /// application event's body as it is.
    ///
    /// ```swift
    /// // UPDATE of a keep_old topic:
    /// // {"row":{"id": 7, "status": "paid"},"old_row":{"id": 7, "status": "open"}}
    /// ```
    var bodyWithOldRow: ByteBuffer {
        guard self.operation != .event else {
            return self.body
        }
        let oldRow = self.oldRow ?? Self.null
        var envelope = ByteBuffer()
        envelope.reserveCapacity(Self.rowKey.readableBytes + self.body.readableBytes + Self.oldRowKey.readableBytes + oldRow.readableBytes + 1)
        envelope.writeImmutableBuffer(Self.rowKey)
        envelope.writeImmutableBuffer(self.body)
        envelope.writeImmutableBuffer(Self.oldRowKey)
        envelope.writeImmutableBuffer(oldRow)
        envelope.writeInteger(UInt8(ascii: "}"))
        return envelope
    }

    private static let rowKey = ByteBuffer(string: #"{"row":"#)
    private static let oldRowKey = ByteBuffer(string: #","old_row":"#)
    private static let null = ByteBuffer(string: "null")
}
