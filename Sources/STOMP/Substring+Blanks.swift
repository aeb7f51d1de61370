extension Substring {
    /// The substring without the spaces and tabs around it, which the list-valued headers
    /// `accept-version` and `heart-beat` tolerate around their entries.
    var trimmingBlanks: Substring {
        let isText: (Character) -> Bool = { $0 != " " && $0 != "\t" }
        guard let first = self.firstIndex(where: isText), let last = self.lastIndex(where: isText) else {
            return ""
        }
        return self[first...last]
    }
}
