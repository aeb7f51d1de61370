import Logging
import PostgresLibPQ

/// The demo's simulated source: sensor readings and order changes written through
/// ordinary SQL transactions, so every event takes the real capture path.
///
/// Each tick (twice a second by default) is one transaction: three readings from the
/// fleet and the tick's ``DemoOrderStep``s. Errors are logged and the source tries again
/// a second later; it stops only when its task is cancelled.
///
/// ```swift
/// let source = DemoSource(pool: pool, logger: logger)
/// let task = Task { await source.run() }
/// task.cancel()
/// ```
struct DemoSource: Sendable {
    /// Where the source writes.
    let pool: PostgresPool
    /// Where failures are logged.
    let logger: Logger
    /// The time between ticks.
    var interval: Duration = .milliseconds(500)
    /// Readings per tick.
    var readingsPerTick = 3

    /// Writes until the task is cancelled.
    func run() async {
        var fleet = DemoSensorFleet(size: 8)
        var tick = 0
        while !Task.isCancelled {
            let readings = fleet.step(readings: readingsPerTick)
            let steps = DemoOrderStep.plan(tick: tick)
            var pause = interval
            do {
                try await pool.withConnection { connection in
                    try connection.transaction { connection in
                        for reading in readings {
                            try connection.query(
                                "INSERT INTO demo.sensor_readings (sensor, temperature, humidity) VALUES ($1, $2::numeric, $3::numeric)",
                                [reading.sensor, reading.temperature, reading.humidity])
                        }
                        for step in steps { try step.run(on: connection) }
                    }
                }
                tick += 1
            } catch {
                if Task.isCancelled { return }
                logger.warning("demo source: write failed, retrying in 1 s", metadata: ["error": "\(error)"])
                pause = .seconds(1)
            }
            do { try await Task.sleep(for: pause) } catch { return }
        }
    }
}
