extension STOMPHeaders: RandomAccessCollection {
    /// The index of the first header.
    public var startIndex: Int { self.fields.startIndex }

    /// The index after the last header.
    public var endIndex: Int { self.fields.endIndex }

    /// The header at a position.
    ///
    /// - Parameters:
    ///   - position: An index in `startIndex..<endIndex`.
    public subscript(position: Int) -> (name: String, value: String) {
        self.fields[position]
    }
}

extension STOMPHeaders: ExpressibleByDictionaryLiteral {
    /// Creates headers from a literal; repeated names are kept in order.
    ///
    /// - Parameters:
    ///   - elements: The name-value pairs, in wire order.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements.map { (name: $0.0, value: $0.1) })
    }
}

extension STOMPHeaders: CustomStringConvertible {
    /// The headers as `name:value` lines, unescaped, for logs and test failures.
    public var description: String {
        self.fields.map { "\($0.name):\($0.value)" }.joined(separator: "\n")
    }
}
