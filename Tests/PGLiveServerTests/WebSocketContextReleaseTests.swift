import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOEmbedded
@testable import PGLiveServer
import Testing

/// The `/stomp` request context lets go of its connection once the connection closes.
@Suite struct WebSocketContextReleaseTests {
    /// Hummingbird's WebSocket route leaves a copy of the context in the context's own
    /// handler box: unless the context breaks that cycle, every upgraded connection's
    /// channel stays allocated after it closed.
    @Test func aClosedConnectionsChannelIsFreedAfterAnUpgradeWasAccepted() async throws {
        let router = Router(context: STOMPWebSocketRequestContext.self)
        router.ws("/stomp") { _, _ in .upgrade([:]) } onUpgrade: { _, _, _ in }
        let responder = router.buildResponder()
        weak var released: EmbeddedChannel?
        do {
            let channel = EmbeddedChannel()
            released = channel
            let context = STOMPWebSocketRequestContext(source: .init(channel: channel, logger: Logger(label: "test")))
            let request = Request(
                head: .init(method: .get, scheme: "http", authority: "localhost", path: "/stomp"), body: .init(buffer: ByteBuffer()))
            let response = try await responder.respond(to: request, context: context)
            #expect(response.status == .ok, "the route accepted the upgrade, so it stored its handler")
            _ = try channel.finish()
        }
        #expect(released == nil, "the closed channel is still retained")
    }
}
