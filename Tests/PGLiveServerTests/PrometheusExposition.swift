/// A parsed Prometheus text exposition (format 0.0.4), strict enough to fail a test on a
/// malformed line: `# HELP` and `# TYPE` lines, then samples `name{label="value",…} value`.
struct PrometheusExposition {
    /// One sample line.
    struct Sample: Equatable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    /// A malformed line.
    struct Malformed: Error, CustomStringConvertible {
        let line: String
        var description: String { "malformed exposition line: \(line)" }
    }

    /// `# HELP` texts by metric family.
    private(set) var help: [String: String] = [:]
    /// `# TYPE` values by metric family.
    private(set) var types: [String: String] = [:]
    /// Every sample, in order.
    private(set) var samples: [Sample] = []

    /// Parses the exposition.
    init(_ text: String) throws {
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            if line.hasPrefix("# HELP ") || line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst(7).split(separator: " ", maxSplits: 1)
                guard parts.count == 2 else { throw Malformed(line: String(line)) }
                if line.hasPrefix("# HELP ") {
                    help[String(parts[0])] = String(parts[1])
                } else {
                    types[String(parts[0])] = String(parts[1])
                }
            } else if line.hasPrefix("#") {
                continue
            } else {
                samples.append(try Self.sample(line))
            }
        }
    }

    /// The value of the one sample with this name and exactly these labels, or `nil`.
    func value(_ name: String, _ labels: [String: String] = [:]) -> Double? {
        let matching = samples.filter { $0.name == name && $0.labels == labels }
        return matching.count == 1 ? matching[0].value : nil
    }

    /// A histogram's cumulative buckets with these labels (besides `le`), by upper bound.
    func buckets(_ family: String, _ labels: [String: String] = [:]) -> [(le: Double, count: Double)] {
        samples.compactMap { sample in
            guard sample.name == family + "_bucket", let le = sample.labels["le"].flatMap(Self.number) else { return nil }
            var others = sample.labels
            others["le"] = nil
            return others == labels ? (le, sample.value) : nil
        }.sorted { $0.le < $1.le }
    }

    /// The family a sample belongs to: its name without a histogram's suffix.
    func family(of sample: Sample) -> String {
        for suffix in ["_bucket", "_sum", "_count"] where sample.name.hasSuffix(suffix) {
            let base = String(sample.name.dropLast(suffix.count))
            if types[base] == "histogram" { return base }
        }
        return sample.name
    }

    private static func sample(_ line: Substring) throws -> Sample {
        var rest = line[...]
        guard let nameEnd = rest.firstIndex(where: { $0 == "{" || $0 == " " }) else { throw Malformed(line: String(line)) }
        let name = String(rest[..<nameEnd])
        rest = rest[nameEnd...]
        var labels: [String: String] = [:]
        if rest.first == "{" {
            rest = rest.dropFirst()
            while rest.first != "}" {
                guard let equals = rest.firstIndex(of: "="), rest[rest.index(after: equals)...].first == "\"" else {
                    throw Malformed(line: String(line))
                }
                let label = String(rest[..<equals])
                rest = rest[rest.index(equals, offsetBy: 2)...]
                var value = ""
                while let character = rest.first, character != "\"" {
                    rest = rest.dropFirst()
                    if character == "\\" {
                        guard let escaped = rest.first else { throw Malformed(line: String(line)) }
                        rest = rest.dropFirst()
                        value.append(escaped == "n" ? "\n" : escaped)
                    } else {
                        value.append(character)
                    }
                }
                guard rest.first == "\"" else { throw Malformed(line: String(line)) }
                rest = rest.dropFirst()
                if rest.first == "," { rest = rest.dropFirst() }
                labels[label] = value
                guard !rest.isEmpty else { throw Malformed(line: String(line)) }
            }
            rest = rest.dropFirst()
        }
        guard rest.first == " " else { throw Malformed(line: String(line)) }
        guard let value = number(rest.dropFirst()) else { throw Malformed(line: String(line)) }
        return Sample(name: name, labels: labels, value: value)
    }

    /// A sample value or `le` bound.
    private static func number(_ text: some StringProtocol) -> Double? {
        switch text {
        case "+Inf": .infinity
        case "-Inf": -.infinity
        default: Double(String(text))
        }
    }
}
