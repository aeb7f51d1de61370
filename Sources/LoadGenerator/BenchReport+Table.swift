import Foundation

extension BenchReport {
    /// The report as an aligned two-column table for people.
    ///
    /// ```swift
    /// print(report.table)
    /// ```
    public var table: String {
        let rate = self.rateRequested == 0 ? "saturation" : "\(self.rateRequested) msg/s"
        var rows: [(String, String)] = [
            ("mode", self.mode),
            ("subscribers", "\(self.connectedSubscribers) of \(self.subscribers) connected"),
        ]
        if self.mode != "idle" {
            rows += [
                ("rate requested", rate),
                ("send phase", Self.format(self.sendPhaseSeconds, digits: 2) + " s"),
                ("messages sent", "\(self.messagesSent)"),
                ("expected deliveries", "\(self.expectedDeliveries)"),
                ("delivered", "\(self.delivered)"),
                ("lost", "\(self.lost)"),
                ("duplicates", "\(self.duplicates)"),
                ("unrecognised", "\(self.unrecognised)"),
                ("delivered msg/s", Self.format(self.deliveredPerSecond, digits: 0)),
                ("latency p50", Self.format(self.latencyMilliseconds.p50, digits: 3) + " ms"),
                ("latency p99", Self.format(self.latencyMilliseconds.p99, digits: 3) + " ms"),
                ("latency p99.9", Self.format(self.latencyMilliseconds.p999, digits: 3) + " ms"),
                ("latency max", Self.format(self.latencyMilliseconds.max, digits: 3) + " ms"),
            ]
        }
        rows.append(("connection errors", "\(self.connectionErrors)"))
        if let firstError = self.firstError {
            rows.append(("first error", firstError))
        }
        let width = rows.map(\.0.count).max() ?? 0
        return rows.map { name, value in
            name + String(repeating: " ", count: width - name.count) + "  " + value
        }.joined(separator: "\n")
    }

    private static func format(_ value: Double, digits: Int) -> String {
        String(format: "%.\(digits)f", value)
    }
}
