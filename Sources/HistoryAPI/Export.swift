import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import PostgresLibPQ

/// Streams an NDJSON or CSV export: a pooled connection's thread runs the query and feeds
/// a ``ChunkPipe``; the response body drains it into the socket.
struct Export: Sendable {
    /// The pool the query runs on.
    let pool: PostgresPool
    /// The exports streaming at once; a slot is held until the query ends.
    let slots: StreamSlots
    /// How long to wait on a client that stopped reading.
    let stallTimeout: Duration
    /// Where failures are logged.
    let logger: Logger

    /// How long a failed NDJSON export waits, after its error line, before its connection
    /// is dropped, so that a client still reading receives what was written: up to the
    /// socket's buffers, a few MB on loopback (1 s was too short for a test client on a
    /// loaded CI machine).
    static let lingeringClose = Duration.seconds(5)

    /// Starts the export and answers once the first bytes (or the failure) are known, so
    /// an error before any data still gets its proper status.
    ///
    /// - Parameters:
    ///   - format: NDJSON or CSV.
    ///   - produce: runs on the connection's thread: writes the snapshot's head (if any)
    ///     and the chunks into the pipe.
    /// - Returns: the streaming response, with `Stream-Position` when a head was sent.
    /// - Throws: ``HistoryError`` when the export fails before its first bytes, or
    ///   ``HistoryError/Code/tooManyStreams`` when every export slot is taken.
    func response(
        format: ResponseFormat, produce: @escaping @Sendable (PGConnection, ChunkPipe) throws -> Void
    ) async throws(HistoryError) -> Response {
        guard slots.take() else {
            throw HistoryError(
                .tooManyStreams, "too many exports are streaming",
                detail: "the server streams at most \(slots.limit ?? 0) NDJSON or CSV exports at once; retry shortly or read JSON pages")
        }
        let pipe = ChunkPipe(stallTimeout: stallTimeout)
        let (pool, logger, slots) = (self.pool, self.logger, self.slots)
        Task {
            defer { slots.give() }
            do {
                try await pool.withConnection { connection in try produce(connection, pipe) }
            } catch is ChunkPipe.Closed {
                logger.debug("history export stopped: the client left or stalled")
            } catch {
                try? pipe.send(.failure(HistoryError.database(error, logger: logger)))
            }
            pipe.finish()
        }
        var headers: HTTPFields = [.contentType: format.contentType, .cacheControl: "no-store"]
        var first: [UInt8]?
        waiting: while let item = await pipe.next() {
            switch item {
            case .head(let position):
                headers[HTTPField.Name.streamPosition] = String(position)
            case .chunk(let bytes):
                first = bytes
                break waiting
            case .failure(let error):
                pipe.close()
                throw error
            }
        }
        let start = first
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            defer { pipe.close() }
            if let start { try await writer.write(ByteBuffer(bytes: start)) }
            while let item = await pipe.next() {
                switch item {
                case .head: continue
                case .chunk(let bytes):
                    try await writer.write(ByteBuffer(bytes: bytes))
                case .failure(let error):
                    // Tell an NDJSON reader why, then drop the connection without the
                    // chunked terminator, so no client mistakes the truncated body for a whole one.
                    if format == .ndjson {
                        try await writer.write(ByteBuffer(string: error.json + "\n"))
                        // A lingering close, as Apache's: closing drops what the connection has
                        // not sent yet (the line included), so a client a little behind lost
                        // the line (`ExportTests`, under load). A reader gets it within the
                        // grace; a stalled one still sees the cut body.
                        try? await Task.sleep(for: Self.lingeringClose)
                    }
                    throw error
                }
            }
            try await writer.finish(nil)
        })
    }
}

extension HTTPField.Name {
    /// `Stream-Position`: the position a `/rows` snapshot was taken at.
    static let streamPosition = HTTPField.Name("Stream-Position")!
    /// `Prefer` (RFC 7240), for `count=exact|estimated`.
    static let prefer = HTTPField.Name("Prefer")!
    /// `Link` (RFC 8288), for a page's `rel="next"`.
    static let link = HTTPField.Name("Link")!
}
