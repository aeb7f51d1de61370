import Broker

extension BrokerHub {
    /// The broker's counters and its subscriptions by topic, read at once for a scrape.
    func metricsReading() -> (counters: Broker.Metrics, subscriptions: [Topic: Int]) {
        (self.broker.metrics, self.broker.subscriptionCounts)
    }
}
