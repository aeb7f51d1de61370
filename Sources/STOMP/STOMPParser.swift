import NIOCore

/// An incremental STOMP frame parser: bytes in, frames and heart-beats out.
///
/// Append chunks of any size as they arrive, then call ``next()`` until it returns `nil`.
/// A frame may be split anywhere across chunks and a chunk may hold several frames.
/// Bodies are zero-copy slices of the input. Bytes already searched are not searched again
/// when more arrive, so a large frame fed in small chunks costs linear time.
///
/// Header escapes are decoded for ``version``; set it after negotiating the connection.
/// `CONNECT`, `STOMP` and `CONNECTED` frames are never unescaped, so the handshake parses
/// before the version is known. Each frame is unescaped with the version in force when its
/// command line was read.
///
/// The first protocol error or passed limit fails the parser for good: it drops its buffer,
/// and every later call throws the same error. The owner answers with an ERROR frame and
/// closes the connection.
///
/// ```swift
/// var parser = STOMPParser()
/// parser.append(chunk)
/// while let event = try parser.next() {
///     if case .frame(let frame) = event, frame.command == .connect || frame.command == .stomp {
///         parser.version = try STOMPVersion.negotiate(acceptVersion: frame.headers["accept-version"])
///     }
/// }
/// ```
public struct STOMPParser: Sendable {
    /// The version whose header escaping applies to the next frames; 1.0 (none) until set.
    public var version: STOMPVersion
    /// The limits that bound the parser's memory.
    public let limits: STOMPLimits

    private var state: State = .command
    /// Input not yet turned into events; internal for `STOMPParser+Scanning.swift`.
    var buffer = ByteBuffer()
    /// How many bytes at the start of `buffer` were already searched for the end of the
    /// current line or body; internal for `STOMPParser+Scanning.swift`.
    var scannedByteCount = 0

    private enum State: Sendable {
        /// Between frames: skipping heart-beat EOLs, waiting for a command line.
        case command
        /// Reading header lines until the blank line.
        case headers(FrameHead)
        /// Reading the body and its NUL.
        case body(FrameHead)
        /// Failed for good; `receipt` is the failed frame's `receipt` header, if it was read.
        case failed(STOMPProtocolError, receipt: String?)
    }

    /// Creates a parser.
    ///
    /// - Parameters:
    ///   - version: The version to unescape frames with; 1.0 until negotiation (handshake
    ///     frames are never unescaped).
    ///   - limits: The size limits; ``STOMPLimits/init(maxBodySize:maxHeaderCount:maxHeaderLineLength:maxCommandLineLength:)``
    ///     defaults when omitted.
    public init(version: STOMPVersion = .v1_0, limits: STOMPLimits = STOMPLimits()) {
        self.version = version
        self.limits = limits
    }

    /// The number of input bytes held for the frame in progress.
    public var bufferedByteCount: Int {
        self.buffer.readableBytes
    }

    /// The `receipt` header of the frame that failed the parser, when it was read before the
    /// error, so the ERROR frame can carry a `receipt-id`.
    public var failedFrameReceipt: String? {
        guard case .failed(_, let receipt) = self.state else {
            return nil
        }
        return receipt
    }

    /// Appends received bytes; call ``next()`` afterwards to get the events they complete.
    ///
    /// Bytes appended after a failure are dropped.
    ///
    /// ```swift
    /// parser.append(webSocketMessage.data)
    /// ```
    ///
    /// - Parameters:
    ///   - bytes: The received chunk, of any size.
    public mutating func append(_ bytes: ByteBuffer) {
        if case .failed = self.state {
            return
        }
        guard self.buffer.readableBytes > 0 else {
            self.buffer = bytes
            return
        }
        if self.buffer.readerIndex >= self.buffer.readableBytes {
            self.buffer.discardReadBytes()
        }
        self.buffer.writeImmutableBuffer(bytes)
    }

    /// Returns the next complete event from the appended bytes, or `nil` when more bytes are
    /// needed.
    ///
    /// ```swift
    /// while let event = try parser.next() { session.handle(event) }
    /// ```
    ///
    /// - Throws: The ``STOMPProtocolError`` that failed the parser, now or earlier.
    public mutating func next() throws(STOMPProtocolError) -> STOMPParseEvent? {
        do {
            return try self.step()
        } catch {
            self.fail(error)
            throw error
        }
    }

    /// Appends a chunk and returns every event it completes.
    ///
    /// Use ``append(_:)`` and ``next()`` instead when ``version`` must change between two
    /// frames of one chunk, as after `CONNECT`.
    ///
    /// ```swift
    /// for event in try parser.feed(chunk) { session.handle(event) }
    /// ```
    ///
    /// - Parameters:
    ///   - bytes: The received chunk, of any size.
    /// - Returns: The completed events, in order; empty when the chunk completes none.
    /// - Throws: The ``STOMPProtocolError`` that failed the parser, now or earlier.
    public mutating func feed(_ bytes: ByteBuffer) throws(STOMPProtocolError) -> [STOMPParseEvent] {
        self.append(bytes)
        var events: [STOMPParseEvent] = []
        while let event = try self.next() {
            events.append(event)
        }
        return events
    }

    private mutating func step() throws(STOMPProtocolError) -> STOMPParseEvent? {
        while true {
            switch self.state {
            case .failed(let error, _):
                throw error
            case .command:
                guard let line = try self.readLine(limit: .commandLineLength) else {
                    return nil
                }
                guard line.readableBytes > 0 else {
                    return .heartbeat
                }
                self.state = .headers(try FrameHead(commandLine: line, version: self.version))
            case .headers(var head):
                guard let line = try self.readLine(limit: .headerLineLength) else {
                    return nil
                }
                guard line.readableBytes > 0 else {
                    self.state = .body(head)
                    continue
                }
                // Release the state's copy so `head` grows in place; put it back even on error
                // so a failure can still report the frame's receipt.
                self.state = .command
                defer { self.state = .headers(head) }
                try head.add(headerLine: line, limits: self.limits)
            case .body(let head):
                guard let body = try self.readBody(contentLength: head.contentLength) else {
                    return nil
                }
                self.state = .command
                return .frame(head.frame(body: body))
            }
        }
    }

    private mutating func fail(_ error: STOMPProtocolError) {
        switch self.state {
        case .headers(let head), .body(let head):
            self.state = .failed(error, receipt: head.headers["receipt"])
        case .command:
            self.state = .failed(error, receipt: nil)
        case .failed:
            break
        }
        self.buffer = ByteBuffer()
        self.scannedByteCount = 0
    }
}
