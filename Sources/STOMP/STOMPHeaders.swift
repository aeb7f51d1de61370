/// The ordered headers of a STOMP frame.
///
/// Headers keep the order they were added or received in, and a repeated name keeps every
/// occurrence. Looking a name up returns the *first* occurrence, as STOMP 1.2 requires
/// ("only the first header entry SHOULD be used").
///
/// ```swift
/// var headers: STOMPHeaders = ["destination": "/topic/orders", "receipt": "1"]
/// headers.add(name: "receipt", value: "2")
/// headers["receipt"] // "1"
/// ```
public struct STOMPHeaders: Sendable {
    /// The name-value pairs in order, repeated names included.
    var fields: [(name: String, value: String)]

    /// Creates headers from name-value pairs, keeping their order and repetitions.
    ///
    /// - Parameters:
    ///   - fields: The pairs, in wire order.
    public init(_ fields: [(name: String, value: String)] = []) {
        self.fields = fields
    }

    /// The value of the first header called `name`, or `nil` when there is none.
    ///
    /// - Parameters:
    ///   - name: The header name, compared exactly (case-sensitive).
    public subscript(name: String) -> String? {
        self.fields.first { $0.name == name }?.value
    }

    /// Appends a header after the existing ones, even when the name is already present.
    ///
    /// - Parameters:
    ///   - name: The header name.
    ///   - value: The header value, unescaped.
    public mutating func add(name: String, value: String) {
        self.fields.append((name, value))
    }
}

extension STOMPHeaders: Equatable {
    /// Two header lists are equal when they hold the same pairs in the same order.
    ///
    /// - Parameters:
    ///   - lhs: One header list.
    ///   - rhs: The other header list.
    public static func == (lhs: STOMPHeaders, rhs: STOMPHeaders) -> Bool {
        lhs.fields.elementsEqual(rhs.fields) { $0 == $1 }
    }
}
