import ServiceLifecycle

/// Ends every STOMP session with an `ERROR` when graceful shutdown begins; the last
/// service of the group, so it runs before the endpoints stop accepting and wait for
/// their connections.
struct SessionTerminator: Service {
    /// The `ERROR` frame's `message` header.
    static let message = "server shutting down"

    /// Where the sessions are.
    let hub: BrokerHub

    func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            return
        }
        await self.hub.shutDown(message: Self.message, detail: "The server is stopping; reconnect with from-position to resume.")
    }
}
