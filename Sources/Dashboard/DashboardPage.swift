/// The dashboard's HTML: the layout the script fills in. It loads `/dashboard.css` and
/// `/dashboard.js` and nothing from anywhere else.
enum DashboardPage {
    static let html = #"""
        <!doctype html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>pglive dashboard</title>
        <link rel="icon" href="data:,">
        <link rel="stylesheet" href="/dashboard.css">
        <script src="/dashboard.js" defer></script>
        </head>
        <body>
        <header>
          <h1>pglive</h1>
          <span id="connection" class="connection" data-state="offline" data-connects="0" role="status">offline</span>
          <span id="connection-detail" class="detail"></span>
          <span class="spacer"></span>
          <span id="user" class="detail"></span>
          <button id="logout" type="button" hidden>Log out</button>
        </header>

        <section id="login-panel" class="card login" hidden>
          <h2>Log in</h2>
          <form id="login-form">
            <label>Login <input id="login" name="login" autocomplete="username" required></label>
            <label>Passcode <input id="passcode" name="passcode" type="password" autocomplete="current-password" required></label>
            <button type="submit">Connect</button>
          </form>
          <p id="login-error" class="error" role="alert"></p>
        </section>

        <main id="app" hidden>
          <nav class="card topics">
            <h2>Topics</h2>
            <ul id="topics"></ul>
            <p id="topics-error" class="error" role="alert"></p>
          </nav>

          <div class="topic">
            <section class="card">
              <h2 id="topic-title">Choose a topic</h2>
              <p id="topic-info" class="detail"></p>
              <p id="topic-error" class="error" role="alert"></p>
            </section>

            <section id="chart-panel" class="card" hidden>
              <div class="toolbar">
                <h3>Chart</h3>
                <label>Value <select id="chart-column"></select></label>
                <label>Series <select id="chart-series"></select></label>
              </div>
              <svg id="chart" viewBox="0 0 640 220" role="img" aria-label="live chart"></svg>
            </section>

            <section id="rows-panel" class="card" hidden>
              <div class="toolbar">
                <h3 id="rows-title">Live rows</h3>
                <span id="rows-count" class="detail"></span>
              </div>
              <div class="scroll"><table id="rows"><thead></thead><tbody></tbody></table></div>
            </section>

            <section id="history-panel" class="card" hidden>
              <h3>History</h3>
              <form id="history-form" class="toolbar">
                <label>From <input id="history-from" type="datetime-local" step="1"></label>
                <label>To <input id="history-to" type="datetime-local" step="1"></label>
                <button type="submit">Load</button>
                <button id="history-next" type="button" disabled>Next page</button>
                <span class="spacer"></span>
                Download <a id="download-ndjson" href="#">NDJSON</a> <a id="download-csv" href="#">CSV</a>
              </form>
              <p id="history-error" class="error" role="alert"></p>
              <div class="scroll"><table id="history"><thead><tr><th>position</th><th>op</th><th>committed at</th><th>row</th></tr></thead><tbody></tbody></table></div>
            </section>
          </div>
        </main>
        </body>
        </html>

        """#
}
