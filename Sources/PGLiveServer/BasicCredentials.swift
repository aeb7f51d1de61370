import Foundation

/// The login and password of an `Authorization: Basic …` value.
enum BasicCredentials {
    /// The login and password, or `nil` for other schemes or malformed values.
    ///
    /// - Parameters:
    ///   - header: The `Authorization` value.
    static func parse(_ header: String) -> (login: String, password: String)? {
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "basic",
              let data = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
              let text = String(data: data, encoding: .utf8),
              let colon = text.firstIndex(of: ":")
        else { return nil }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
