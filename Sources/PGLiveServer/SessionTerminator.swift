import ServiceLifecycle

/// On graceful shutdown: turns `/readyz` to 503, waits ``drainDelay`` so load balancers
/// notice and stop sending clients, then ends every STOMP session with an `ERROR`. The
/// last service of the group, so it runs before the endpoints stop accepting and wait for
/// their connections (and in-flight HTTP responses).
struct SessionTerminator: Service {
    /// The `ERROR` frame's `message` header.
    static let message = "server shutting down"

    /// Where the sessions are.
    let hub: BrokerHub
    /// How long `/readyz` reports draining before sessions are ended.
    let drainDelay: Duration

    func run() async throws {
        do {
            try await gracefulShutdown()
        } catch {
            return
        }
        await self.hub.beginDraining()
        if self.drainDelay > .zero {
            try? await Task.sleep(for: self.drainDelay)
        }
        await self.hub.shutDown(message: Self.message, detail: "The server is stopping; reconnect with from-position to resume.")
    }
}
