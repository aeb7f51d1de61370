import NIOCore

/// Plain STOMP over TCP: frames are bytes on the stream.
struct TCPTransport: FrameTransport {
    static let name = "tcp"

    /// The connection's writer.
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    /// The connection, to close it.
    let channel: any Channel

    func write(_ frames: [OutboundFrame]) async throws {
        var buffers: [ByteBuffer] = []
        buffers.reserveCapacity(frames.count * 2)
        for frame in frames {
            buffers.append(frame.head)
            if let tail = frame.tail {
                buffers.append(tail)
            }
        }
        try await self.outbound.write(contentsOf: buffers)
    }

    /// TCP has no close handshake: closing politely is closing.
    func close() async {
        await self.abort()
    }

    func abort() async {
        try? await self.channel.close()
    }
}
