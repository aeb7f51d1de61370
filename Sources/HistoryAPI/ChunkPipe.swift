import Dispatch
import NIOConcurrencyHelpers

/// Hands an export's chunks from the thread that owns its database connection to the
/// async task writing the HTTP response, at most ``capacity`` chunks ahead.
///
/// The producer blocks while the pipe is full: a client that reads slowly slows the query
/// down (backpressure), so server memory stays at a few chunks whatever the export's size.
/// A client that stops reading for ``stallTimeout``, or goes away, makes ``send(_:)``
/// throw, which cancels the query and releases the connection.
final class ChunkPipe: Sendable {
    /// What flows through the pipe.
    enum Item: Sendable {
        /// The snapshot's head position, sent before the rows (`Stream-Position`).
        case head(Int64)
        /// Response bytes.
        case chunk([UInt8])
        /// The export failed; no more items follow.
        case failure(HistoryError)
    }

    /// Why ``send(_:)`` refused: the consumer left or stalled.
    struct Closed: Error {}

    private struct State {
        var items: [Item] = []
        var waitingConsumer: CheckedContinuation<Item?, Never>?
        var producerBlocked = false
        var finished = false
        var consumerGone = false
    }

    /// The most chunks buffered.
    let capacity: Int
    /// How long the producer waits for room.
    let stallTimeout: Duration
    private let state = NIOLockedValueBox(State())
    private let room = DispatchSemaphore(value: 0)

    /// Creates a pipe.
    /// - Parameters:
    ///   - capacity: the most items buffered.
    ///   - stallTimeout: how long the producer waits for a consumer that does not read.
    init(capacity: Int = 4, stallTimeout: Duration) {
        self.capacity = max(1, capacity)
        self.stallTimeout = stallTimeout
    }

    /// Producer: passes an item on, blocking while the pipe is full.
    /// - Throws: ``Closed`` when the consumer left or did not read for ``stallTimeout``.
    func send(_ item: Item) throws {
        while true {
            enum Step { case gone, handed(CheckedContinuation<Item?, Never>), queued, wait }
            let step = state.withLockedValue { state -> Step in
                if state.consumerGone { return .gone }
                if let consumer = state.waitingConsumer {
                    state.waitingConsumer = nil
                    return .handed(consumer)
                }
                if state.items.count < capacity {
                    state.items.append(item)
                    return .queued
                }
                state.producerBlocked = true
                return .wait
            }
            switch step {
            case .gone:
                throw Closed()
            case .handed(let consumer):
                consumer.resume(returning: item)
                return
            case .queued:
                return
            case .wait:
                let nanoseconds = stallTimeout.components.seconds * 1_000_000_000 + stallTimeout.components.attoseconds / 1_000_000_000
                if room.wait(timeout: .now() + .nanoseconds(Int(nanoseconds))) == .timedOut {
                    let stalled = state.withLockedValue { state -> Bool in
                        guard state.producerBlocked else { return false }
                        state.consumerGone = true
                        return true
                    }
                    if stalled { throw Closed() }
                }
            }
        }
    }

    /// Producer: no more items follow.
    func finish() {
        let consumer = state.withLockedValue { state -> CheckedContinuation<Item?, Never>? in
            state.finished = true
            defer { state.waitingConsumer = nil }
            return state.waitingConsumer
        }
        consumer?.resume(returning: nil)
    }

    /// Consumer: the next item, or `nil` once the producer finished.
    func next() async -> Item? {
        await withCheckedContinuation { continuation in
            let (ready, wakeProducer) = state.withLockedValue { state -> (Item??, Bool) in
                if !state.items.isEmpty {
                    let item = state.items.removeFirst()
                    defer { state.producerBlocked = false }
                    return (.some(item), state.producerBlocked)
                }
                if state.finished { return (.some(nil), false) }
                state.waitingConsumer = continuation
                return (nil, false)
            }
            if wakeProducer { room.signal() }
            if let ready { continuation.resume(returning: ready) }
        }
    }

    /// Consumer: stops reading; the producer's next ``send(_:)`` throws.
    func close() {
        let wakeProducer = state.withLockedValue { state -> Bool in
            state.consumerGone = true
            state.items.removeAll()
            defer { state.producerBlocked = false }
            return state.producerBlocked
        }
        if wakeProducer { room.signal() }
    }
}
