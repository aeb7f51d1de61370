import Foundation

/// Reads chosen top-level members of a JSON object from its UTF-8 text without building
/// the document: other members are skipped (strings with `memchr`), and scanning stops
/// as soon as every wanted member is found.
///
/// The first occurrence of a key wins (PostgreSQL's `jsonb` text never repeats one).
/// Text that is not a JSON object, or is malformed before the wanted members are found,
/// has no members.
struct JSONObjectScanner {
    private let bytes: UnsafeRawBufferPointer
    private var position = 0

    private init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    /// The values of `keys` in the object, `nil` for an absent key.
    /// - Parameters:
    ///   - keys: the wanted keys as UTF-8, distinct.
    ///   - bytes: the JSON text.
    static func values(of keys: [[UInt8]], in bytes: UnsafeRawBufferPointer) -> [JSONFieldValue?] {
        var scanner = JSONObjectScanner(bytes)
        var values = [JSONFieldValue?](repeating: nil, count: keys.count)
        return scanner.scanObject(for: keys, into: &values) ? values : [JSONFieldValue?](repeating: nil, count: keys.count)
    }

    /// Fills `values`; `false` if the text is malformed before every key was found.
    private mutating func scanObject(for keys: [[UInt8]], into values: inout [JSONFieldValue?]) -> Bool {
        var missing = keys.count
        guard take(UInt8(ascii: "{")) else { return false }
        if take(UInt8(ascii: "}")) { return true }
        while true {
            guard let key = readString(), take(UInt8(ascii: ":")) else { return false }
            skipWhitespace()
            if let index = keys.firstIndex(where: { key.matches($0, in: bytes) }), values[index] == nil {
                guard let value = readValue() else { return false }
                values[index] = value
                missing -= 1
            } else {
                guard skipValue() else { return false }
            }
            if missing == 0 || take(UInt8(ascii: "}")) { return true }
            guard take(UInt8(ascii: ",")) else { return false }
        }
    }

    // MARK: Values

    private mutating func readValue() -> JSONFieldValue? {
        switch peek() {
        case UInt8(ascii: "\""):
            return readString().map { .string($0.decoded(in: bytes)) }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            return skipValue() ? .composite : nil
        case UInt8(ascii: "t"):
            return takeWord("true") ? .bool(true) : nil
        case UInt8(ascii: "f"):
            return takeWord("false") ? .bool(false) : nil
        case UInt8(ascii: "n"):
            return takeWord("null") ? .null : nil
        default:
            let start = position
            skipNumber()
            guard position > start else { return nil }
            return .number(String(decoding: bytes[start..<position], as: UTF8.self))
        }
    }

    /// Skips one value of any kind; `false` if malformed.
    private mutating func skipValue() -> Bool {
        var depth = 0
        repeat {
            skipWhitespace()
            guard let byte = peek() else { return false }
            switch byte {
            case UInt8(ascii: "\""):
                guard readString() != nil else { return false }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                position += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                guard depth > 0 else { return false }
                depth -= 1
                position += 1
            case UInt8(ascii: ","), UInt8(ascii: ":"):
                guard depth > 0 else { return false }
                position += 1
            default:
                let start = position
                while let next = peek(), Self.isWordByte(next) { position += 1 }
                guard position > start else { return false }
            }
        } while depth > 0
        return true
    }

    private mutating func skipNumber() {
        while let byte = peek(), byte &- UInt8(ascii: "0") < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
            || byte == UInt8(ascii: ".") || byte | 0x20 == UInt8(ascii: "e")
        {
            position += 1
        }
    }

    /// Letters, digits and the number punctuation `+ - .`: the bytes of numbers and of `true`, `false`, `null`.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        byte &- UInt8(ascii: "0") < 10 || (byte | 0x20) &- UInt8(ascii: "a") < 26
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
    }

    private mutating func takeWord(_ word: StaticString) -> Bool {
        let count = word.utf8CodeUnitCount
        guard bytes.count - position >= count,
            memcmp(bytes.baseAddress! + position, word.utf8Start, count) == 0
        else { return false }
        position += count
        return true
    }

    // MARK: Strings

    /// Reads a string starting at the current position (after whitespace); `nil` if there is none or it is unterminated.
    private mutating func readString() -> JSONString? {
        guard take(UInt8(ascii: "\"")) else { return nil }
        let start = position
        while position < bytes.count {
            guard let found = memchr(bytes.baseAddress! + position, Int32(UInt8(ascii: "\"")), bytes.count - position) else {
                return nil
            }
            let quote = bytes.baseAddress!.distance(to: UnsafeRawPointer(found))
            var backslashes = 0
            while quote - backslashes - 1 >= start, bytes[quote - backslashes - 1] == UInt8(ascii: "\\") {
                backslashes += 1
            }
            position = quote + 1
            if backslashes % 2 == 0 { return JSONString(range: start..<quote) }
        }
        return nil
    }

    // MARK: Bytes

    private func peek() -> UInt8? {
        position < bytes.count ? bytes[position] : nil
    }

    private mutating func skipWhitespace() {
        while let byte = peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 { position += 1 }
    }

    /// Skips whitespace, then consumes `byte` if it is next.
    private mutating func take(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard peek() == byte else { return false }
        position += 1
        return true
    }
}
