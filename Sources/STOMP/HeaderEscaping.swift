/// How header names and values are escaped on the wire for one frame.
///
/// STOMP 1.2 escapes `\r`, `\n`, `:` and `\`; STOMP 1.1 the same without `\r`; STOMP 1.0
/// and the handshake frames (`CONNECT`, `STOMP`, `CONNECTED`) escape nothing. One table,
/// ``letter(escaping:)``, defines both directions. `package` so the broker writes the
/// headers it shares between subscribers with the encoder's own rule.
package enum HeaderEscaping: Sendable {
    /// Bytes are written and read as they are.
    case none
    /// STOMP 1.1: `\n`, `:` and `\` are escaped.
    case v1_1
    /// STOMP 1.2: `\r`, `\n`, `:` and `\` are escaped.
    case v1_2

    /// The byte that starts every escape sequence.
    static let backslash = UInt8(ascii: "\\")

    /// The bytes some version escapes.
    private static let escapableBytes: [UInt8] = [.init(ascii: "\\"), .init(ascii: "\n"), .init(ascii: ":"), .init(ascii: "\r")]

    /// The escaping for a frame.
    ///
    /// - Parameters:
    ///   - version: The connection's negotiated version.
    ///   - command: The frame's command; handshake frames are never escaped.
    package init(version: STOMPVersion, command: STOMPCommand) {
        switch version {
        case _ where command.isHandshake: self = .none
        case .v1_0: self = .none
        case .v1_1: self = .v1_1
        case .v1_2: self = .v1_2
        }
    }

    /// The letter that follows the backslash when `byte` is escaped, or `nil` when `byte` is
    /// written as it is.
    ///
    /// - Parameters:
    ///   - byte: A byte of a header name or value.
    func letter(escaping byte: UInt8) -> UInt8? {
        switch (self, byte) {
        case (.none, _): nil
        case (_, UInt8(ascii: "\\")): UInt8(ascii: "\\")
        case (_, UInt8(ascii: "\n")): UInt8(ascii: "n")
        case (_, UInt8(ascii: ":")): UInt8(ascii: "c")
        case (.v1_2, UInt8(ascii: "\r")): UInt8(ascii: "r")
        default: nil
        }
    }

    /// The byte that an escape sequence `\letter` stands for, or `nil` when this escaping
    /// does not define it.
    ///
    /// - Parameters:
    ///   - letter: The byte after the backslash.
    func byte(unescaping letter: UInt8) -> UInt8? {
        Self.escapableBytes.first { self.letter(escaping: $0) == letter }
    }
}
