/// What feeds a topic: a published table's changes, or application events (`SEND`,
/// `pglive.publish`). Only application topics take `SEND`.
public enum TopicKind: String, Sendable, Hashable {
    /// A published table's row changes.
    case table
    /// Application events.
    case app
}
