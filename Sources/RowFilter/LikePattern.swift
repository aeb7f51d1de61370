/// A `like.` pattern: SQL `LIKE` with `*` as a second spelling of `%`.
///
/// `%` and `*` match any run of characters, `_` matches one character (a Unicode scalar,
/// as PostgreSQL counts characters), `\` makes the next character literal (`\*`, `\%`,
/// `\_`, `\\`). Matching is case-sensitive and compares code points, like `LIKE` under
/// the `"C"` collation.
public struct LikePattern: Hashable, Sendable {
    /// The pattern as written.
    public let text: String
    /// The pattern for SQL `LIKE` (each unescaped `*` written as `%`).
    let sql: String
    private let elements: [Element]

    private enum Element: Hashable, Sendable {
        case anyRun
        case anyCharacter
        case literal(Unicode.Scalar)

        func accepts(_ scalar: Unicode.Scalar) -> Bool {
            switch self {
            case .anyRun, .anyCharacter: true
            case .literal(let literal): literal == scalar
            }
        }
    }

    /// Reads a pattern; `nil` if it ends with the escape character.
    /// - Parameter text: the pattern as written.
    init?(_ text: String) {
        var sql = String.UnicodeScalarView()
        var elements: [Element] = []
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            switch scalar {
            case "\\":
                guard let escaped = scalars.next() else { return nil }
                sql.append(contentsOf: ["\\", escaped])
                elements.append(.literal(escaped))
            case "%", "*":
                sql.append("%")
                if elements.last != .anyRun { elements.append(.anyRun) }
            case "_":
                sql.append("_")
                elements.append(.anyCharacter)
            default:
                sql.append(scalar)
                elements.append(.literal(scalar))
            }
        }
        self.text = text
        self.sql = String(sql)
        self.elements = elements
    }

    /// Whether the whole of `subject` matches the pattern.
    /// - Parameter subject: the field's text.
    func matches(_ subject: String) -> Bool {
        let scalars = Array(subject.unicodeScalars)
        var pattern = 0, position = 0
        // Where the last `%` was and the subject position it currently stands for, to backtrack to.
        var lastRun: (pattern: Int, position: Int)?
        while position < scalars.count {
            if pattern < elements.count, elements[pattern] == .anyRun {
                lastRun = (pattern, position)
                pattern += 1
            } else if pattern < elements.count, elements[pattern].accepts(scalars[position]) {
                pattern += 1
                position += 1
            } else if let run = lastRun {
                lastRun = (run.pattern, run.position + 1)
                pattern = run.pattern + 1
                position = run.position + 1
            } else {
                return false
            }
        }
        return elements[pattern...].allSatisfy { $0 == .anyRun }
    }
}

extension LikePattern {
    /// Values are equal when their texts are equal byte for byte (not merely canonically
    /// equivalent, as `String` equality would have it), the way they compare in rows.
    public static func == (lhs: LikePattern, rhs: LikePattern) -> Bool {
        lhs.text.utf8.elementsEqual(rhs.text.utf8)
    }

    /// Hashes the text's bytes.
    /// - Parameter hasher: the hasher.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(text.utf8.count)
        for byte in text.utf8 { hasher.combine(byte) }
    }
}
