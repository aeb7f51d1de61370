/// A client transaction between `BEGIN` and `COMMIT` or `ABORT`: the frames it queued.
///
/// Nothing of it reaches the owner before `COMMIT`, so `ABORT`, `DISCONNECT` and a dropped
/// connection simply forget it.
struct OpenTransaction: Sendable {
    /// A frame queued in a transaction.
    enum QueuedFrame: Sendable {
        /// A `SEND`.
        case publication(STOMPSession.Publication)
        /// An `ACK` or `NACK`.
        case acknowledgement(AckRequest)
    }

    /// The queued frames, in frame order.
    var frames: [QueuedFrame] = []
    /// The body bytes of the queued `SEND`s.
    var bodyBytes = 0

    /// The queued `SEND`s, in frame order.
    var publications: [STOMPSession.Publication] {
        self.frames.compactMap {
            guard case .publication(let publication) = $0 else { return nil }
            return publication
        }
    }

    /// The queued `ACK`s and `NACK`s, in frame order.
    var acknowledgements: [AckRequest] {
        self.frames.compactMap {
            guard case .acknowledgement(let request) = $0 else { return nil }
            return request
        }
    }
}
