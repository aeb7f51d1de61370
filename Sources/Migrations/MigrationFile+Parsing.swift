extension MigrationFile {
    /// The line that starts the down section.
    public static let downMarker = "-- migrate:down"
    /// The line that makes a file run outside a transaction.
    public static let noTransactionDirective = "-- pglive:no-transaction"
    private static let directivePrefix = "-- pglive:"

    /// Parses a file's contents. Never fails: problems are collected in ``problems``.
    /// - Parameters:
    ///   - fileName: the parsed file name.
    ///   - bytes: the file's contents as read from disk (any line endings).
    public init(fileName: MigrationFileName, contents bytes: [UInt8]) {
        let normalised = MigrationChecksum.normalisingLineEndings(bytes)
        var problems: [MigrationProblem] = []
        let text = String(validating: normalised, as: UTF8.self) ?? {
            problems.append(.notUTF8(file: fileName.fileName))
            return String(decoding: normalised, as: UTF8.self)
        }()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var downIndex: Int?
        var noTransaction = false
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingWhitespace()
            if trimmed == Self.downMarker {
                if downIndex == nil { downIndex = index } else {
                    problems.append(.repeatedDownMarker(file: fileName.fileName, line: index + 1))
                }
            } else if trimmed == Self.noTransactionDirective {
                noTransaction = true
            } else if trimmed.hasPrefix(Self.directivePrefix) {
                problems.append(.unknownDirective(file: fileName.fileName, line: index + 1, directive: String(trimmed)))
            }
        }
        let upLines = lines[..<(downIndex ?? lines.count)]
        let up = SQLStatementSplitter.split(upLines.joined(separator: "\n"), firstLine: 1)
        let down = downIndex.map { index in
            SQLStatementSplitter.split(lines[(index + 1)...].joined(separator: "\n"), firstLine: index + 2)
        }
        for unterminated in [up.unterminated, down?.unterminated].compactMap({ $0 }) {
            problems.append(.unterminated(file: fileName.fileName, construct: unterminated))
        }
        self.fileName = fileName
        checksum = MigrationChecksum.of(file: bytes)
        isTransactional = !noTransaction
        self.up = up.statements
        self.down = down?.statements
        self.problems = problems
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var trimmed = self
        while trimmed.first?.isWhitespace == true { trimmed.removeFirst() }
        while trimmed.last?.isWhitespace == true { trimmed.removeLast() }
        return trimmed
    }
}
