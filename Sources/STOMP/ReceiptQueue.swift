/// The frames of a session whose receipts must wait, in frame order.
///
/// A frame enters when it waits for an asynchronous operation (with or without a `receipt`
/// header), or when it took effect and has a `receipt` but an earlier frame still waits.
/// Receipts leave from the front only, once every frame before them took effect, so a later
/// frame's RECEIPT never overtakes an earlier one's. The queue is empty exactly when no
/// operation is pending.
struct ReceiptQueue: Sendable {
    /// One waiting frame.
    struct Entry: Sendable {
        /// The operation the frame waits for; `nil` once it took effect.
        var operation: STOMPSession.OperationID?
        /// The frame's `receipt` header.
        let receipt: String?
    }

    private var entries: [Entry] = []

    /// Whether no frame waits.
    var isEmpty: Bool {
        self.entries.isEmpty
    }

    /// The waiting entry of an operation, or `nil` when the operation is not pending.
    ///
    /// - Parameters:
    ///   - operation: The operation.
    func entry(for operation: STOMPSession.OperationID) -> Entry? {
        self.entries.first { $0.operation == operation }
    }

    /// Adds a frame that waits for an operation.
    ///
    /// - Parameters:
    ///   - operation: The pending operation.
    ///   - receipt: The frame's `receipt` header.
    mutating func append(pending operation: STOMPSession.OperationID, receipt: String?) {
        self.entries.append(Entry(operation: operation, receipt: receipt))
    }

    /// Adds a frame that took effect.
    ///
    /// - Parameters:
    ///   - receipt: The frame's `receipt` header.
    /// - Returns: The receipts now due, in order: this one when nothing waits before it.
    mutating func append(tookEffect receipt: String?) -> [String] {
        guard let receipt else {
            return []
        }
        self.entries.append(Entry(operation: nil, receipt: receipt))
        return self.dequeueDue()
    }

    /// Marks an operation's frame as having taken effect.
    ///
    /// - Parameters:
    ///   - operation: The completed operation.
    /// - Returns: The receipts now due, in order, or `nil` when the operation is not pending.
    mutating func complete(_ operation: STOMPSession.OperationID) -> [String]? {
        guard let index = self.entries.firstIndex(where: { $0.operation == operation }) else {
            return nil
        }
        self.entries[index].operation = nil
        return self.dequeueDue()
    }

    private mutating func dequeueDue() -> [String] {
        let dueCount = self.entries.prefix { $0.operation == nil }.count
        defer { self.entries.removeFirst(dueCount) }
        return self.entries.prefix(dueCount).compactMap(\.receipt)
    }
}
