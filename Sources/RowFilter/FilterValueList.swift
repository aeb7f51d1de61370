/// The list of an `in.` condition: `(a,b,"c,d")`.
///
/// Items are separated by commas. An item is either bare (any characters but `,`, `(`,
/// `)` and `"`; not empty) or double-quoted, where `\` makes the next character literal
/// (`\"`, `\\`) and commas and parentheses are plain characters. `()` is the empty list,
/// which no field is in.
enum FilterValueList {
    /// Parses a list.
    /// - Parameter text: the value after `in.`.
    /// - Returns: the items in order.
    /// - Throws: ``RowFilterError`` without a condition; the caller adds it.
    static func parse(_ text: String) throws(RowFilterError) -> [FilterValue] {
        var scalars = Substring(text).unicodeScalars
        guard scalars.popFirst() == "(" else {
            throw RowFilterError(.invalidList("expected a list in parentheses, like in.(a,b)"))
        }
        if scalars.first == ")" {
            scalars.removeFirst()
            try expectEnd(scalars)
            return []
        }
        var items: [FilterValue] = []
        while true {
            items.append(FilterValue(try item(from: &scalars)))
            switch scalars.popFirst() {
            case ",":
                continue
            case ")":
                try expectEnd(scalars)
                return items
            case nil:
                throw RowFilterError(.invalidList("missing ')' at the end"))
            case let other?:
                throw RowFilterError(.invalidList("unexpected '\(other)' after a quoted item"))
            }
        }
    }

    /// Reads one item up to (not including) the `,` or `)` that ends it.
    private static func item(from scalars: inout Substring.UnicodeScalarView) throws(RowFilterError) -> String {
        var item = String.UnicodeScalarView()
        guard scalars.first == "\"" else {
            while let scalar = scalars.first, scalar != ",", scalar != ")" {
                guard scalar != "(", scalar != "\"" else {
                    throw RowFilterError(.invalidList("'\(scalar)' in an unquoted item; quote the item with \"…\""))
                }
                item.append(scalar)
                scalars.removeFirst()
            }
            guard !item.isEmpty else { throw RowFilterError(.invalidList("empty item; write \"\" for an empty text")) }
            return String(item)
        }
        scalars.removeFirst()
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\"":
                return String(item)
            case "\\":
                guard let escaped = scalars.popFirst() else { throw RowFilterError(.unbalancedQuote) }
                item.append(escaped)
            default:
                item.append(scalar)
            }
        }
        throw RowFilterError(.unbalancedQuote)
    }

    private static func expectEnd(_ rest: Substring.UnicodeScalarView) throws(RowFilterError) {
        guard rest.isEmpty else { throw RowFilterError(.invalidList("unexpected text after ')'")) }
    }
}
