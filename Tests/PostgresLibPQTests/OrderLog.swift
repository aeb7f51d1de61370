import Synchronization

/// Records values from concurrent tasks in the order they arrive.
final class OrderLog: Sendable {
    private let store = Mutex<[Int]>([])
    var values: [Int] { store.withLock { $0 } }
    func append(_ value: Int) { store.withLock { $0.append(value) } }
}
