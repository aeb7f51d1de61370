extension Connection {
    /// Reacts to one event of the mailbox: a `drain` or `delivered`, the frequent events,
    /// in the connection's own task; the rare events whose handling calls deep (client frames,
    /// operations' outcomes, heart-beat ticks) in a child task that ends with them.
    ///
    /// A task keeps every 1 KiB stack slab its deepest call needed until it ends, so
    /// handling `CONNECT` (authentication, the broker, the first writes) in the
    /// connection's long-lived task cost each idle session ~3.5 KiB for its whole life
    /// (`Benchmarks/RESULTS.md`).
    ///
    /// - Parameters:
    ///   - event: The event.
    mutating func process(_ event: ConnectionEvent) async {
        switch event {
        case .drain, .delivered:
            await self.handle(event)
            return
        default:
            break
        }
        // An unstructured task, cancelled with this one: an `async let` child (allocated in
        // this task's slabs) measured 1.5 KiB more per idle session.
        let connection = self
        let handling = Task {
            var connection = connection
            await connection.handle(event)
            return connection
        }
        self = await withTaskCancellationHandler {
            await handling.value
        } onCancel: {
            handling.cancel()
        }
    }
}
