extension STOMPFrame {
    /// The value of a header this frame must have.
    ///
    /// - Parameters:
    ///   - name: The header name.
    /// - Throws: ``STOMPSessionError/missingHeader(_:command:)`` when the frame lacks it.
    func requiredHeader(_ name: String) throws(STOMPSessionError) -> String {
        guard let value = self.headers[name] else {
            throw .missingHeader(name, command: self.command)
        }
        return value
    }
}
