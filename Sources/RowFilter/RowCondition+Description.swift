extension RowCondition: CustomStringConvertible {
    /// The condition in canonical form (see ``RowPredicate/description``).
    public var description: String {
        let value: String
        switch operation {
        case .comparison(let comparison, let operand):
            value = "\(comparison.rawValue).\(operand.text)"
        case .membership(let values):
            value = "in.(" + values.map { Self.listItem($0.text) }.joined(separator: ",") + ")"
        case .identity(let operand):
            value = "is.\(operand.rawValue)"
        case .pattern(let pattern):
            value = "like.\(pattern.text)"
        }
        let escaped = Self.replacing(in: value) { $0 == "%" ? "%25" : $0 == "&" ? "%26" : nil }
        return "\(column)=\(isNegated ? "not." : "")\(escaped)"
    }

    /// An `in` item, quoted when it is empty or holds a character with a meaning in lists.
    private static func listItem(_ text: String) -> String {
        let special: Set<Unicode.Scalar> = [",", "(", ")", "\"", "\\"]
        guard text.isEmpty || text.unicodeScalars.contains(where: special.contains) else { return text }
        return "\"" + replacing(in: text) { $0 == "\"" || $0 == "\\" ? "\\\($0)" : nil } + "\""
    }

    /// `text` with each Unicode scalar for which `replacement` gives a text replaced by it.
    private static func replacing(in text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let replaced = replacement(scalar) {
                result.append(contentsOf: replaced.unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }
}
