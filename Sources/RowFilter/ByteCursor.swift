/// A read position in ASCII-structured UTF-8 text, for the small hand-written parsers.
struct ByteCursor {
    private let bytes: [UInt8]
    private var index = 0

    /// Starts at the first byte of `text`.
    /// - Parameter text: the UTF-8 bytes to read.
    init(_ text: some Collection<UInt8>) {
        self.bytes = Array(text)
    }

    /// Whether every byte was read.
    var isAtEnd: Bool { index == bytes.count }

    /// The next byte without reading it.
    var next: UInt8? { index < bytes.count ? bytes[index] : nil }

    /// Reads `byte` if it is next.
    /// - Parameter byte: the expected byte.
    mutating func take(_ byte: UInt8) -> Bool {
        guard next == byte else { return false }
        index += 1
        return true
    }

    /// Reads a run of ASCII digits, appending their values to `digits`; returns how many.
    /// - Parameter digits: where the digits' values (0–9) go.
    mutating func takeDigits(into digits: inout [UInt8]) -> Int {
        let start = index
        while index < bytes.count, bytes[index] &- UInt8(ascii: "0") < 10 {
            digits.append(bytes[index] &- UInt8(ascii: "0"))
            index += 1
        }
        return index - start
    }

    /// Reads exactly `count` ASCII digits as a number, or `nil` if fewer are next.
    /// - Parameter count: how many digits.
    mutating func takeNumber(digits count: Int) -> Int? {
        guard bytes.count - index >= count else { return nil }
        var value = 0
        for byte in bytes[index..<index + count] {
            guard byte &- UInt8(ascii: "0") < 10 else { return nil }
            value = value * 10 + Int(byte &- UInt8(ascii: "0"))
        }
        index += count
        return value
    }
}
