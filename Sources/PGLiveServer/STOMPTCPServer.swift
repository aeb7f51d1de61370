import NIOCore
import NIOPosix
import NIOSSL
import ServiceLifecycle

/// STOMP over TCP (over TLS when configured): accepts connections until graceful shutdown
/// and serves each with the ``ConnectionDriver``.
struct STOMPTCPServer: Service {
    /// The address to bind.
    let host: String
    /// The port; `0` picks a free one.
    let port: Int
    /// The TLS context; `nil` for plain TCP.
    let tls: NIOSSLContext?
    /// Serves each connection.
    let driver: ConnectionDriver
    /// Told the bound port once listening.
    let onListening: @Sendable (Endpoint, Int) async -> Void

    func run() async throws {
        let driver = self.driver
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { [tls] channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
                    }
                    if try !driver.open(channel, transport: TCPTransport(channel: channel), bytes: { (bytes: ByteBuffer) in bytes }) {
                        channel.close(promise: nil)
                    }
                }
            }
            .bind(host: self.host, port: self.port).get()
        await self.onListening(.stomp, server.localAddress?.port ?? self.port)
        // Stops accepting; the connections are ``OpenSessions``' to wait for.
        await withGracefulShutdownHandler {
            await withTaskCancellationHandler {
                try? await server.closeFuture.get()
            } onCancel: {
                server.close(promise: nil)
            }
        } onGracefulShutdown: {
            server.close(promise: nil)
        }
    }
}
