import Foundation

/// A configuration file: `name = value` lines, with the names of the command's long
/// options; `#` starts a comment line; blank lines are ignored; a repeatable setting may
/// appear on several lines. Values run to the end of the line, spaces around them trimmed.
///
/// ```
/// # pglive serve settings
/// http-port = 8080
/// user = alice:secret
/// user = bob:another secret
/// allow-anonymous = false
/// ```
struct SettingsFile {
    /// One `name = value` line.
    struct Entry: Equatable {
        let name: String
        let value: String
        let line: Int
    }

    /// Where it was read from.
    let path: String
    /// The settings in file order.
    let entries: [Entry]

    /// Parses a file's text.
    /// - Throws: ``SettingsError`` naming the first line that is not `name = value`.
    init(path: String, text: String) throws(SettingsError) {
        self.path = path
        var entries: [Entry] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces.union(CharacterSet(charactersIn: "\r")))
            guard !line.isEmpty, !line.hasPrefix("#") else { continue }
            guard let equals = line.firstIndex(of: "="),
                  case let name = line[..<equals].trimmingCharacters(in: .whitespaces), !name.isEmpty
            else {
                throw SettingsError("\(path):\(index + 1): expected name = value, found '\(line)'")
            }
            entries.append(Entry(
                name: name, value: line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces), line: index + 1))
        }
        self.entries = entries
    }
}
