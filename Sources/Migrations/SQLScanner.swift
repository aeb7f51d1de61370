/// The byte-level state machine behind ``SQLStatementSplitter``.
struct SQLScanner {
    private static let leadingWordCount = 6

    private let bytes: [UInt8]
    private var index = 0
    private var line: Int
    private var statements: [MigrationStatement] = []
    private var unterminated: SQLUnterminatedConstruct?

    private var statementStart: Int?
    private var statementLine = 0
    private var words: [String] = []
    private var parenthesisDepth = 0
    private var blockDepth = 0

    init(bytes: [UInt8], firstLine: Int) {
        self.bytes = bytes
        line = firstLine
    }

    mutating func run() -> SQLStatementSplitter.Result {
        while index < bytes.count {
            step()
        }
        finishStatement(at: bytes.count)
        return SQLStatementSplitter.Result(statements: statements, unterminated: unterminated)
    }

    private mutating func step() {
        let byte = bytes[index]
        if byte == UInt8(ascii: "\n") {
            line += 1
            index += 1
            return
        }
        if byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == 0x0b || byte == 0x0c {
            index += 1
            return
        }
        if byte == UInt8(ascii: "-"), peek(1) == UInt8(ascii: "-") {
            while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
            return
        }
        if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
            skipBlockComment()
            return
        }
        if statementStart == nil {
            if byte == UInt8(ascii: ";") {
                index += 1
                return
            }
            statementStart = index
            statementLine = line
        }
        scanToken(byte)
    }

    private mutating func scanToken(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: ";"):
            if parenthesisDepth == 0 && blockDepth == 0 {
                finishStatement(at: index)
            }
            index += 1
        case UInt8(ascii: "("):
            parenthesisDepth += 1
            index += 1
        case UInt8(ascii: ")"):
            parenthesisDepth = max(0, parenthesisDepth - 1)
            index += 1
        case UInt8(ascii: "'"):
            skipQuoted(UInt8(ascii: "'"), backslashEscapes: false, kind: "single-quoted string")
        case UInt8(ascii: "\""):
            skipQuoted(UInt8(ascii: "\""), backslashEscapes: false, kind: "double-quoted identifier")
        case UInt8(ascii: "$"):
            scanDollar()
        case _ where Self.isIdentifierStart(byte):
            scanWord()
        default:
            index += 1
        }
    }

    private mutating func scanWord() {
        let start = index
        while index < bytes.count, Self.isIdentifierPart(bytes[index]) { index += 1 }
        let word = String(decoding: bytes[start..<index], as: UTF8.self).lowercased()
        if word == "e", index < bytes.count, bytes[index] == UInt8(ascii: "'") {
            skipQuoted(UInt8(ascii: "'"), backslashEscapes: true, kind: "E'' string")
            return
        }
        if words.count < Self.leadingWordCount { words.append(word) }
        trackFunctionBody(word)
    }

    /// `psql`'s heuristic for SQL-standard function bodies: inside `CREATE [OR REPLACE]
    /// FUNCTION|PROCEDURE`, `BEGIN` opens a block (and `CASE` within one), `END` closes one.
    private mutating func trackFunctionBody(_ word: String) {
        let routine: Set<String> = ["function", "procedure"]
        let isRoutine = words.count >= 2 && words[0] == "create"
            && (routine.contains(words[1])
                || (words.count >= 4 && words[1] == "or" && words[2] == "replace" && routine.contains(words[3])))
        guard isRoutine, parenthesisDepth == 0 else { return }
        switch word {
        case "begin": blockDepth += 1
        case "case" where blockDepth >= 1: blockDepth += 1
        case "end" where blockDepth > 0: blockDepth -= 1
        default: break
        }
    }

    private mutating func scanDollar() {
        guard let tagEnd = dollarTagEnd(from: index) else {
            index += 1
            return
        }
        let tag = Array(bytes[index...tagEnd])
        let startLine = line
        index = tagEnd + 1
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "$"), bytes[index...].starts(with: tag) {
                index += tag.count
                return
            }
            if bytes[index] == UInt8(ascii: "\n") { line += 1 }
            index += 1
        }
        unterminated = SQLUnterminatedConstruct(kind: "dollar-quoted string", line: startLine)
    }

    /// The index of the closing `$` of a dollar-quote tag starting at `start`, if one starts there.
    private func dollarTagEnd(from start: Int) -> Int? {
        var cursor = start + 1
        while cursor < bytes.count {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: "$") { return cursor }
            let valid = cursor == start + 1 ? Self.isIdentifierStart(byte) : Self.isTagPart(byte)
            guard valid else { return nil }
            cursor += 1
        }
        return nil
    }

    private mutating func skipQuoted(_ quote: UInt8, backslashEscapes: Bool, kind: String) {
        let startLine = line
        index += 1
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { line += 1 }
            if backslashEscapes, byte == UInt8(ascii: "\\") {
                if peek(1) == UInt8(ascii: "\n") { line += 1 }
                index += 2
                continue
            }
            index += 1
            if byte == quote {
                guard index < bytes.count, bytes[index] == quote else { return }
                index += 1
            }
        }
        unterminated = SQLUnterminatedConstruct(kind: kind, line: startLine)
    }

    private mutating func skipBlockComment() {
        let startLine = line
        var depth = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                depth += 1
                index += 2
            } else if bytes[index] == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                depth -= 1
                index += 2
                if depth == 0 { return }
            } else {
                if bytes[index] == UInt8(ascii: "\n") { line += 1 }
                index += 1
            }
        }
        unterminated = SQLUnterminatedConstruct(kind: "block comment", line: startLine)
    }

    private mutating func finishStatement(at end: Int) {
        defer {
            statementStart = nil
            words = []
            parenthesisDepth = 0
            blockDepth = 0
        }
        guard let start = statementStart else { return }
        var last = end
        while last > start, Self.isWhitespace(bytes[last - 1]) { last -= 1 }
        statements.append(MigrationStatement(
            number: statements.count + 1, line: statementLine,
            text: String(decoding: bytes[start..<last], as: UTF8.self), leadingWords: words))
    }

    private func peek(_ offset: Int) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == 0x0b || byte == 0x0c
    }

    private static func isIdentifierStart(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
            || byte == UInt8(ascii: "_") || byte >= 0x80
    }

    private static func isTagPart(_ byte: UInt8) -> Bool {
        isIdentifierStart(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private static func isIdentifierPart(_ byte: UInt8) -> Bool {
        isTagPart(byte) || byte == UInt8(ascii: "$")
    }
}
