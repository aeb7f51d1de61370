/// Where a JSON string's content (between its quotes, still escaped) lies in the text.
struct JSONString {
    /// The content's byte range.
    let range: Range<Int>

    /// Whether the string equals `key`.
    /// - Parameters:
    ///   - key: UTF-8 bytes to compare with.
    ///   - bytes: the JSON text.
    func matches(_ key: [UInt8], in bytes: UnsafeRawBufferPointer) -> Bool {
        let raw = bytes[range]
        if raw.elementsEqual(key) { return true }
        return raw.contains(UInt8(ascii: "\\")) && decoded(in: bytes).utf8.elementsEqual(key)
    }

    /// The string's value with its escapes resolved; invalid UTF-8 and lone surrogates become U+FFFD.
    /// - Parameter bytes: the JSON text.
    func decoded(in bytes: UnsafeRawBufferPointer) -> String {
        let raw = bytes[range]
        guard raw.contains(UInt8(ascii: "\\")) else { return String(decoding: raw, as: UTF8.self) }
        var scalars = String.UnicodeScalarView()
        var unescaped: [UInt8] = []
        var index = raw.startIndex
        func flush() {
            scalars.append(contentsOf: String(decoding: unescaped, as: UTF8.self).unicodeScalars)
            unescaped.removeAll(keepingCapacity: true)
        }
        func hex4() -> UInt32? {
            guard raw.endIndex - index >= 4 else { return nil }
            var value: UInt32 = 0
            for byte in raw[index..<index + 4] {
                guard let digit = Character(Unicode.Scalar(byte)).hexDigitValue else { return nil }
                value = value << 4 | UInt32(digit)
            }
            index += 4
            return value
        }
        while index < raw.endIndex {
            let byte = raw[index]
            index += 1
            guard byte == UInt8(ascii: "\\"), index < raw.endIndex else {
                unescaped.append(byte)
                continue
            }
            let escape = raw[index]
            index += 1
            switch escape {
            case UInt8(ascii: "b"): unescaped.append(0x08)
            case UInt8(ascii: "f"): unescaped.append(0x0C)
            case UInt8(ascii: "n"): unescaped.append(0x0A)
            case UInt8(ascii: "r"): unescaped.append(0x0D)
            case UInt8(ascii: "t"): unescaped.append(0x09)
            case UInt8(ascii: "u"):
                flush()
                scalars.append(unicodeEscape(first: hex4(), next: {
                    guard raw[index...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else { return nil }
                    index += 2
                    return hex4()
                }))
            default: unescaped.append(escape)
            }
        }
        flush()
        return String(scalars)
    }

    /// The scalar of a `\uXXXX` escape, reading a second escape for a surrogate pair.
    private func unicodeEscape(first: UInt32?, next: () -> UInt32?) -> Unicode.Scalar {
        guard let first else { return "\u{FFFD}" }
        guard (0xD800..<0xDC00).contains(first) else { return Unicode.Scalar(first) ?? "\u{FFFD}" }
        guard let low = next(), (0xDC00..<0xE000).contains(low) else { return "\u{FFFD}" }
        return Unicode.Scalar(0x10000 + (first - 0xD800) << 10 + (low - 0xDC00)) ?? "\u{FFFD}"
    }
}
