/// A simulated fleet of sensors whose temperature and humidity drift by a random walk.
///
/// ```swift
/// var fleet = DemoSensorFleet(size: 8)
/// let readings = fleet.step(readings: 3) // three sensors moved and report
/// ```
struct DemoSensorFleet {
    /// One reading, with values already rounded to the table's two decimals.
    struct Reading: Equatable {
        var sensor: String
        var temperature: String
        var humidity: String
    }

    private var sensors: [(name: String, temperature: Double, humidity: Double)]
    private var generator = SystemRandomNumberGenerator()

    /// Creates `size` sensors at plausible indoor values.
    ///
    /// - Parameter size: How many sensors; at least one.
    init(size: Int) {
        sensors = (1...max(size, 1)).map { index in
            let name = "sensor-" + (index < 10 ? "0\(index)" : "\(index)")
            return (name, Double.random(in: 18...24), Double.random(in: 35...55))
        }
    }

    /// Moves `readings` randomly chosen sensors one step and returns what they report.
    ///
    /// - Parameter readings: How many readings to produce.
    mutating func step(readings: Int) -> [Reading] {
        (0..<readings).map { _ in
            let index = Int.random(in: sensors.indices, using: &generator)
            var sensor = sensors[index]
            sensor.temperature = min(max(sensor.temperature + Double.random(in: -0.4...0.4, using: &generator), -20), 60)
            sensor.humidity = min(max(sensor.humidity + Double.random(in: -1...1, using: &generator), 5), 95)
            sensors[index] = sensor
            return Reading(sensor: sensor.name, temperature: Self.decimal(sensor.temperature), humidity: Self.decimal(sensor.humidity))
        }
    }

    /// `value` with two decimals, as `numeric(5,2)` text.
    private static func decimal(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let sign = hundredths < 0 ? "-" : ""
        let magnitude = abs(hundredths)
        let fraction = magnitude % 100
        return "\(sign)\(magnitude / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
