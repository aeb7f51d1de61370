import STOMP

extension Connection {
    /// Adds the frames the session parsed and encoded since the last report to the server's
    /// counters; costs one comparison per direction when nothing changed.
    mutating func reportFrames() {
        let metrics = self.driver.metrics
        STOMPMetrics.add(self.session.framesReceived, since: &self.reportedFrames.received, to: metrics.framesIn)
        STOMPMetrics.add(self.session.framesSent, since: &self.reportedFrames.sent, to: metrics.framesOut)
    }
}
