/// The dashboard's script, `/dashboard.js`: plain JavaScript of our own, no library.
///
/// It is kept in parts by concern (STOMP client, REST client, live table, live chart,
/// history panel, page, topic view) and served as one file.
enum DashboardScript {
    static let source = ["'use strict';\n", stompClient, api, liveTable, liveChart, historyPanel, page, topicView].joined(separator: "\n")
}
