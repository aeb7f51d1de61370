/// A client did not take written bytes in time; its connection is closed.
struct WriteTimeout: Error, CustomStringConvertible {
    /// How long the write waited.
    let timeout: Duration

    var description: String {
        "the client took no bytes for \(self.timeout)"
    }
}
