import Broker

extension Topic {
    /// `orders`.
    static let orders = try! Topic("orders")
    /// `chat.lobby`.
    static let chat = try! Topic("chat.lobby")
}
