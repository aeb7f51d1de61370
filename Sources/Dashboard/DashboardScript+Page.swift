extension DashboardScript {
    /// The page: login and logout, the topic list, the connection badge, and the wiring
    /// of the parts once the document is loaded.
    ///
    /// For tests it keeps `window.pgliveReceived[topic]`, the `position` of every `MESSAGE`
    /// of the topic's subscription in arrival order (duplicates included, so a test can
    /// see them), and `window.pgliveSnapshotPosition[topic]`, the position the snapshot
    /// was taken at; both restart when the topic is chosen again.
    static let page = #"""
        window.pgliveReceived = {};
        window.pgliveSnapshotPosition = {};

        const $ = (id) => document.getElementById(id);

        const page = {
          api: null,
          client: null,
          topics: new Map(),
          current: null,
          subscriptions: 0,
          renderPending: false,
          table: null,
          chart: null,
          history: null,
        };

        function showConnection(state, detail) {
          const badge = $('connection');
          badge.dataset.state = state;
          badge.dataset.connects = String(page.client ? page.client.connects : 0);
          badge.textContent = state;
          $('connection-detail').textContent = detail;
        }

        function showLogin(message) {
          $('app').hidden = true;
          $('logout').hidden = true;
          $('login-panel').hidden = false;
          $('login').value = sessionStorage.getItem('pglive.login') || '';
          $('passcode').value = sessionStorage.getItem('pglive.passcode') || '';
          $('login-error').textContent = message || '';
        }

        function logout(message) {
          if (page.client) page.client.stop();
          page.client = null;
          page.current = null;
          sessionStorage.removeItem('pglive.passcode');
          showLogin(message);
        }

        async function login(name, passcode) {
          const api = new Api(name, passcode);
          let catalogue;
          try {
            catalogue = (await api.json('/api/v1/topics')).body.data;
          } catch (error) {
            showLogin(error.status === 401 ? 'login or passcode refused' : error.message);
            return;
          }
          sessionStorage.setItem('pglive.login', name);
          sessionStorage.setItem('pglive.passcode', passcode);
          page.api = api;
          page.topics = new Map(catalogue.map((topic) => [topic.name, topic]));
          $('login-panel').hidden = true;
          $('app').hidden = false;
          $('logout').hidden = false;
          $('user').textContent = name;
          renderTopics();
          const url = new URL('/stomp', location.href);
          url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
          page.client = new StompClient({
            url: url.href, login: name, passcode,
            onState: showConnection, onConnected: subscribe, onMessage: receive, onError: stompError,
          });
          page.client.start();
          const wanted = decodeURIComponent(location.hash.slice(1));
          if (page.topics.has(wanted)) selectTopic(wanted);
        }

        function renderTopics() {
          const items = [...page.topics.values()].map((topic) => {
            const item = document.createElement('li');
            const button = item.appendChild(document.createElement('button'));
            button.type = 'button';
            button.dataset.topic = topic.name;
            button.textContent = topic.name;
            button.appendChild(document.createElement('small')).textContent = topic.source_table || `${topic.kind} topic`;
            button.addEventListener('click', () => selectTopic(topic.name));
            return item;
          });
          $('topics').replaceChildren(...items);
        }

        document.addEventListener('DOMContentLoaded', () => {
          page.table = new LiveTable($('rows'), $('rows-count'));
          page.chart = new LiveChart($('chart'));
          page.history = new HistoryPanel({
            form: $('history-form'), from: $('history-from'), to: $('history-to'), next: $('history-next'),
            rows: $('history').tBodies[0], error: $('history-error'), ndjson: $('download-ndjson'), csv: $('download-csv'),
          });
          $('chart-column').addEventListener('change', restartChart);
          $('chart-series').addEventListener('change', restartChart);
          $('login-form').addEventListener('submit', (event) => {
            event.preventDefault();
            login($('login').value, $('passcode').value);
          });
          $('logout').addEventListener('click', () => logout(''));
          const name = sessionStorage.getItem('pglive.login'), passcode = sessionStorage.getItem('pglive.passcode');
          if (name && passcode) login(name, passcode);
          else showLogin('');
        });

        """#
}
