import Authorization
import RowFilter

extension HistoryAPI {
    /// The principal a request was authenticated as.
    ///
    /// - Throws: ``HistoryError/Code/unauthorized`` when no middleware authenticated it.
    static func principal(of context: some PrincipalRequestContext) throws(HistoryError) -> Principal {
        guard let principal = context.principal else {
            throw HistoryError(.unauthorized, "credentials required")
        }
        return principal
    }

    /// Checks that a principal may read a topic, before the topic is even looked up (so a
    /// refused client cannot tell a topic that exists from one that does not), and returns
    /// the topic's mandatory row restriction.
    ///
    /// - Throws: ``HistoryError/Code/forbidden`` naming the verb and the topic.
    static func readAccess(_ principal: Principal, topic: String) throws(HistoryError) -> RowPredicate? {
        do {
            try principal.authorize(.read, topic: topic)
        } catch {
            throw HistoryError(.forbidden, error.detail, detail: "verb: read, topic: \(topic)")
        }
        return principal.access.restriction(for: topic)
    }

    /// The cursor scope of a topic endpoint: the endpoint and topic, and the restriction,
    /// so a page's cursor and ETag belong to what its reader may see.
    static func scope(_ endpoint: String, topic: String, restriction: RowPredicate?) -> String {
        "\(endpoint)/\(topic)" + (restriction.map { "\u{0}restricted:\($0.description)" } ?? "")
    }
}
