import HummingbirdCore
import Logging
import NIOCore

/// A Hummingbird child channel that puts a ``RequestHeadDeadlineHandler`` in front of
/// another (after TLS, when a `TLSChannel` wraps this one), and closes the connection when
/// its task is cancelled.
///
/// The server cancels its connections' tasks once the shutdown timeout has passed; some
/// waits inside Hummingbird (an event-loop future, such as the WebSocket upgrade decision)
/// do not end on cancellation, but they all end when the channel closes.
struct RequestHeadDeadlineChannel<Base: ServerChildChannel>: ServerChildChannel {
    typealias Value = Base.Value

    /// The wrapped channel setup: HTTP/1 with the WebSocket upgrade.
    let base: Base
    /// How long the first request head may take.
    let timeout: TimeAmount

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(RequestHeadDeadlineHandler(timeout: self.timeout))
        }.flatMap {
            self.base.setup(channel: channel, logger: logger)
        }
    }

    func handle(value: Value, logger: Logger) async {
        let channel = value.channel
        await withTaskCancellationHandler {
            await self.base.handle(value: value, logger: logger)
        } onCancel: {
            channel.close(promise: nil)
        }
    }
}
