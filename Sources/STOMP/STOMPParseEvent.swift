/// What ``STOMPParser`` found in its input.
///
/// ```swift
/// switch try parser.next() {
/// case .frame(let frame): handle(frame)
/// case .heartbeat: lastHeardFrom = now
/// case nil: break // needs more bytes
/// }
/// ```
public enum STOMPParseEvent: Sendable, Equatable {
    /// A complete frame.
    case frame(STOMPFrame)
    /// One EOL (`\n` or `\r\n`) between frames: a heart-beat, or padding after a frame's NUL.
    case heartbeat
}
