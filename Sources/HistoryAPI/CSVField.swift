/// Writes CSV fields as RFC 4180 says: a field holding a comma, a double quote, CR or LF
/// is enclosed in double quotes with its double quotes doubled. SQL `NULL` is an empty
/// field and the empty string is `""`, as PostgreSQL's `COPY … CSV` writes them.
enum CSVField {
    /// The line ending, RFC 4180's CRLF.
    static let lineEnd: [UInt8] = [13, 10]

    /// Appends one field.
    /// - Parameters:
    ///   - field: the field's UTF-8 bytes, or `nil` for SQL `NULL`.
    ///   - output: where to append.
    static func append(_ field: UnsafeBufferPointer<UInt8>?, to output: inout [UInt8]) {
        guard let field else { return }
        let needsQuotes = field.isEmpty || field.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
        guard needsQuotes else {
            output.append(contentsOf: field)
            return
        }
        output.append(34)
        for byte in field {
            if byte == 34 { output.append(34) }
            output.append(byte)
        }
        output.append(34)
    }

    /// Appends a line of text fields (a header line), with its line ending.
    /// - Parameters:
    ///   - fields: the fields.
    ///   - output: where to append.
    static func appendLine(_ fields: [String], to output: inout [UInt8]) {
        for (index, field) in fields.enumerated() {
            if index > 0 { output.append(44) }
            var utf8 = Array(field.utf8)
            utf8.withUnsafeMutableBufferPointer { append(UnsafeBufferPointer($0), to: &output) }
        }
        output += lineEnd
    }
}
