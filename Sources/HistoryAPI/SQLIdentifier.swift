import Foundation
/// Quotes SQL identifiers that come from the catalogue (column names), so any name,
/// however odd, is read as a name.
enum SQLIdentifier {
    /// The name in double quotes with embedded double quotes doubled: `"Order ""Id"""`.
    /// - Parameter name: a column name from the catalogue.
    static func quoted(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
