extension Int {
    /// Parses a non-negative decimal number the way STOMP headers write one: ASCII digits
    /// only, no sign, no blanks, no overflow.
    ///
    /// - Parameters:
    ///   - text: The digits.
    init?(nonNegativeDecimal text: Substring) {
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }),
            let value = Int(text)
        else {
            return nil
        }
        self = value
    }
}
