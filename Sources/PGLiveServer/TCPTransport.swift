import NIOCore

/// STOMP over plain TCP (or TLS): a drained batch is written as its frames' head and tail
/// buffers straight to the channel in one event-loop turn, flushed once.
struct TCPTransport: FrameTransport {
    static let name = "tcp"

    /// The connection's channel.
    let channel: any Channel

    var eventLoop: any EventLoop {
        self.channel.eventLoop
    }

    func send(_ frames: [OutboundFrame], completion: @escaping @Sendable ((any Error)?) -> Void) {
        let channel = self.channel
        var buffers: [ByteBuffer] = []
        buffers.reserveCapacity(frames.count * 2)
        for frame in frames {
            buffers.append(frame.head)
            if let tail = frame.tail {
                buffers.append(tail)
            }
        }
        let batch = buffers
        channel.eventLoop.executeWrite(reporting: completion) { written in
            // Completed with the last buffer: a channel writes its buffers in order.
            for (index, buffer) in batch.enumerated() {
                channel.write(buffer, promise: index == batch.count - 1 ? written : nil)
            }
            if batch.isEmpty {
                written.succeed()
            }
            channel.flush()
        }
    }

    func close() async {
        await self.abort()
    }

    func abort() async {
        try? await self.channel.close()
    }
}
