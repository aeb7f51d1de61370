import STOMP

/// libFuzzer's entry point: runs every check of the harness on one input.
///
/// The bytes are a STOMP byte stream as a client would send it; how they are cut into
/// chunks, the parser's version and the session's answers are derived from them, so every
/// input replays identically.
///
/// - Parameters:
///   - data: The input bytes.
///   - size: Their count.
/// - Returns: `0`, as libFuzzer requires; a broken invariant traps instead.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = FuzzInput(UnsafeBufferPointer(start: data, count: size))
    ParserCheck.run(input)
    SessionCheck.run(input)
    return 0
}

/// Stops the run with a message when an invariant does not hold; libFuzzer records the
/// input as a crash.
func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if !condition {
        fatalError("fuzz invariant broken: \(message())")
    }
}
