import ServiceLifecycle

/// On graceful shutdown: turns `/readyz` to 503, waits ``drainDelay`` so load balancers
/// notice and stop sending clients, then ends every STOMP session with an `ERROR` and
/// waits (up to ``errorDeadline``) until they are written. The
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
        // The endpoints stop next, and Hummingbird then closes WebSockets (1001) at once:
        // without this wait a session could get that close before its ERROR frame.
        await self.hub.waitForSessionsToEnd(within: Self.errorDeadline)
    }

    /// How long sessions get to write their `ERROR` before the endpoints stop anyway (a
    /// client that takes no bytes would otherwise hold the shutdown for the write timeout).
    static let errorDeadline = Duration.seconds(5)
}
