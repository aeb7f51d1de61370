import NIOCore
import NIOPosix
import NIOSSL
import ServiceLifecycle

/// STOMP over TCP (over TLS when configured): accepts connections until graceful shutdown
/// and serves each with the ``ConnectionDriver``, in ``SessionTasks``.
struct STOMPTCPServer: Service {
    /// The address to bind.
    let host: String
    /// The port; `0` picks a free one.
    let port: Int
    /// The TLS context; `nil` for plain TCP.
    let tls: NIOSSLContext?
    /// Serves each connection.
    let driver: ConnectionDriver
    /// Runs each connection.
    let sessions: SessionTasks
    /// Told the bound port once listening.
    let onListening: @Sendable (Endpoint, Int) async -> Void

    func run() async throws {
        let server = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 1024)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .bind(host: self.host, port: self.port) { [tls] channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls {
                        try channel.pipeline.syncOperations.addHandler(NIOSSLServerHandler(context: tls))
                    }
                    return try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel)
                }
            }
        await self.onListening(.stomp, server.channel.localAddress?.port ?? self.port)
        let (driver, sessions) = (self.driver, self.sessions)
        try await withGracefulShutdownHandler {
            try await server.executeThenClose { connections in
                for try await connection in connections where !sessions.start({ await Self.serve(connection, with: driver) }) {
                    try? await connection.channel.close()
                }
            }
        } onGracefulShutdown: {
            server.channel.close(promise: nil)
        }
    }

    /// Serves one connection until it closes.
    private static func serve(_ connection: NIOAsyncChannel<ByteBuffer, ByteBuffer>, with driver: ConnectionDriver) async {
        try? await connection.executeThenClose { inbound, _ in
            await driver.run(
                reading: { deliver in
                    for try await bytes in inbound {
                        await deliver(bytes)
                    }
                },
                transport: TCPTransport(channel: connection.channel),
                address: connection.channel.remoteAddress?.ipAddress)
        }
    }
}
