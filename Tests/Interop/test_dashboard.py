"""The dashboard in headless Chromium (Debian's `chromium` and `chromium-driver`, driven
by selenium) against `pglive serve` on the demo's database, while the demo's simulated
source keeps writing sensor readings: rows and chart go live, and after the server is
killed (SIGKILL) and restarted on the same port the page resumes with exactly the log's
positions, none missing and none twice."""

import base64
import json
import re
import shutil
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from websockets.sync.server import serve as websocket_server
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from conftest import PGLive, wait_for

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
USER = ("demo", "demo")


def start_serve(database_url, http_port=0):
    """`pglive serve` for demo:demo on the demo's database; returns it and its HTTP port."""
    serve = PGLive("serve", "--database-url", database_url, "--user", ":".join(USER),
                   "--http-port", str(http_port), "--stomp-port", "0")
    try:
        match = wait_for(lambda: re.search(r"endpoint=http .*?port=(\d+)", serve.log()), "pglive serve to listen")
    except AssertionError:
        serve.process.kill()
        raise AssertionError(serve.log())
    return serve, int(match.group(1))


def get(url, headers=None, user=USER):
    """(status, headers, body) of a GET; HTTP errors are returned, not raised."""
    request = urllib.request.Request(url, headers=headers or {})
    if user:
        token = base64.b64encode(":".join(user).encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def log_positions(http_port, topic, after, through):
    """The positions of `topic`'s events in the log with after < position <= through, in order."""
    positions, cursor = [], None
    while True:
        query = f"after={after}&limit=500" + (f"&cursor={urllib.parse.quote(cursor)}" if cursor else "")
        status, _, body = get(f"http://127.0.0.1:{http_port}/api/v1/topics/{topic}/events?{query}")
        assert status == 200, body
        page = json.loads(body)
        positions += [event["position"] for event in page["data"] if event["position"] <= through]
        cursor = page["next_cursor"]
        if not page["data"] or page["data"][-1]["position"] >= through or not cursor:
            return positions


def newest_position(http_port, topic):
    status, _, body = get(f"http://127.0.0.1:{http_port}/api/v1/topics/{topic}/events?order=desc&limit=1")
    assert status == 200, body
    return json.loads(body)["data"][0]["position"]


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1200"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # An explicit driver path: selenium must not try to download one.
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def script(browser, source):
    return browser.execute_script(source)


def test_assets_are_served_with_validators(database_url):
    serve, port = start_serve(database_url)
    try:
        for path, content_type in [("/", "text/html; charset=utf-8"),
                                   ("/dashboard.js", "text/javascript; charset=utf-8"),
                                   ("/dashboard.css", "text/css; charset=utf-8")]:
            status, headers, body = get(f"http://127.0.0.1:{port}{path}", user=None)
            assert (status, headers["Content-Type"], headers["Cache-Control"]) == (200, content_type, "no-cache")
            assert re.fullmatch(r'"[0-9a-f]{16}"', headers["ETag"]) and len(body) > 500
            status, again, body = get(f"http://127.0.0.1:{port}{path}", {"If-None-Match": headers["ETag"]}, user=None)
            assert (status, again["ETag"], body) == (304, headers["ETag"], b"")
            status, _, _ = get(f"http://127.0.0.1:{port}{path}", {"If-None-Match": '"0000000000000000"'}, user=None)
            assert status == 200
    finally:
        assert serve.stop() == 0


def test_frame_parser_in_the_browser(database_url, browser):
    """The page's own STOMP parser: frames split anywhere, several per message, content-length
    bodies holding NUL, multi-byte UTF-8 split between messages, escaped headers, heart-beats."""
    serve, port = start_serve(database_url)
    try:
        browser.get(f"http://127.0.0.1:{port}/")
        frames = browser.execute_script(r"""
            const parser = new FrameParser();
            const bytes = toUTF8.encode(
              '\n\r\nMESSAGE\r\ndestination:/topic/a\r\nx:a\\cb\\\\c\\nd\r\nx:second\r\ncontent-length:5\r\n\r\na\0b\u00e9\0' +
              '\nRECEIPT\nreceipt-id:7\n\n\0' +
              'MESSAGE\nposition:9\n\n{"t":"\u20ac"}\0\n');
            const out = [];
            for (let i = 0; i < bytes.length; i += 3) out.push(...parser.push(bytes.subarray(i, i + 3)));
            out.push(...parser.push(toUTF8.encode('CONNECTED\nversion:1.2\nodd:a\\cb\n\n\0')));
            return out;
        """)
        assert frames == [
            {"command": "MESSAGE", "headers": {"destination": "/topic/a", "x": "a:b\\c\nd", "content-length": "5"},
             "body": "a\u0000b\u00e9"},
            {"command": "RECEIPT", "headers": {"receipt-id": "7"}, "body": ""},
            {"command": "MESSAGE", "headers": {"position": "9"}, "body": '{"t":"\u20ac"}'},
            {"command": "CONNECTED", "headers": {"version": "1.2", "odd": "a\\cb"}, "body": ""},
        ]
    finally:
        assert serve.stop() == 0


def test_the_client_heart_beats_and_reconnects_when_the_server_goes_silent(database_url, browser):
    """The page's StompClient against a fake server that answers CONNECTED with
    `heart-beat:500,500` and then says nothing, while keeping the socket open."""
    connections = []

    def handler(websocket):
        frames = []
        connections.append({"subprotocol": websocket.subprotocol, "frames": frames})
        for message in websocket:
            frames.append(message)
            if message.startswith("CONNECT\n"):
                websocket.send("CONNECTED\nversion:1.2\nheart-beat:500,500\n\n\0")

    with websocket_server(handler, "127.0.0.1", 0, subprotocols=["v12.stomp"]) as fake:
        threading.Thread(target=fake.serve_forever, daemon=True).start()
        serve, port = start_serve(database_url)
        try:
            browser.get(f"http://127.0.0.1:{port}/")
            script(browser, f"""
                window.heartBeatStates = [];
                window.heartBeatClient = new StompClient({{
                  url: 'ws://127.0.0.1:{fake.socket.getsockname()[1]}/stomp', login: 'ann', passcode: 'p:w',
                  heartBeat: 500, onState: (state, detail) => window.heartBeatStates.push([state, detail]),
                  onConnected: () => {{}}, onMessage: () => {{}}, onError: () => {{}},
                }});
                window.heartBeatClient.start();
            """)
            wait_for(lambda: len(connections) >= 2, "the client to reconnect", 10)
            script(browser, "window.heartBeatClient.stop()")
        finally:
            serve.stop()
        fake.shutdown()

    first = connections[0]
    assert first["subprotocol"] == "v12.stomp"
    assert first["frames"][0] == ("CONNECT\naccept-version:1.2,1.1,1.0\nhost:127.0.0.1\nlogin:ann\npasscode:p:w\n"
                                  "heart-beat:500,500\n\n\0")
    assert first["frames"].count("\n") >= 1, "the client sent heart-beats"
    states = script(browser, "return window.heartBeatStates")
    assert ["connected", "STOMP 1.2"] in states
    assert any(state == "reconnecting" and detail.startswith("no heart-beat from the server") for state, detail in states)


def test_a_wrong_passcode_is_refused_on_the_page(database_url, browser):
    """The page's form says so; the browser's own Basic dialog (which would leave the
    request hanging here) must not open."""
    serve, port = start_serve(database_url)
    try:
        browser.get(f"http://127.0.0.1:{port}/")
        script(browser, "sessionStorage.clear()")
        browser.get(f"http://127.0.0.1:{port}/")
        wait_for(lambda: browser.find_element(By.ID, "login-panel").is_displayed(), "the login form")
        browser.find_element(By.ID, "login").send_keys(USER[0])
        browser.find_element(By.ID, "passcode").send_keys("wrong")
        browser.find_element(By.CSS_SELECTOR, "#login-form button[type=submit]").click()
        wait_for(lambda: browser.find_element(By.ID, "login-error").text, "the refusal", 10)
        assert browser.find_element(By.ID, "login-error").text == "login or passcode refused"
        assert not browser.find_element(By.ID, "app").is_displayed()
        assert script(browser, "return sessionStorage.getItem('pglive.passcode')") is None
    finally:
        serve.stop()


def test_dashboard_goes_live_and_resumes_without_gaps(demo, browser, tmp_path):
    serve, port = start_serve(demo["database_url"])
    servers = [serve]
    browser.get_log("browser")  # earlier tests' entries
    try:
        snapshot = open_topic(browser, port, "sensors")

        # The snapshot's rows, then live INSERTs on top, within seconds.
        first_ids = wait_for(lambda: top_ids(browser), "snapshot rows in the table", 15)
        wait_for(lambda: len(received(browser)) >= 10, "live messages", 15)
        wait_for(lambda: top_ids(browser)[0] > max(first_ids), "a live row on top of the table", 15)
        assert connection(browser) == ("connected", 1)

        # The chart draws a line per sensor and moves.
        lines = wait_for(lambda: chart_lines(browser), "chart lines", 15)
        samples = chart_samples(browser)
        wait_for(lambda: chart_lines(browser) != lines and chart_samples(browser) > samples, "the chart to update", 15)
        assert len(chart_lines(browser)) > 1, "one line per sensor"
        browser.save_screenshot(str(tmp_path / "dashboard-live.png"))

        # Kill the server; the demo's source keeps committing while it is away.
        serve.process.kill()
        serve.process.wait()
        wait_for(lambda: connection(browser)[0] == "reconnecting", "the page to notice the drop", 15)
        count_at_drop = len(received(browser))
        missed = wait_for(lambda: at_least(10, log_positions(demo["http"], "sensors", max(received(browser)), 10**18)),
                          "events committed while the server is down", 15)

        serve, restarted_port = start_serve(demo["database_url"], http_port=port)
        servers.append(serve)
        assert restarted_port == port
        wait_for(lambda: connection(browser)[0] == "connected" and connection(browser)[1] >= 2, "the page to reconnect", 30)
        target = newest_position(port, "sensors")
        wait_for(lambda: max(received(browser)) >= target, "the page to catch up past the restart", 30)

        got = received(browser)
        expected = log_positions(port, "sensors", snapshot, got[-1])
        assert len(got) == len(set(got)), f"positions received twice: {sorted(p for p in set(got) if got.count(p) > 1)}"
        assert sorted(set(expected) - set(got)) == [], "positions missed"
        assert sorted(set(got) - set(expected)) == [], "positions not in the topic's log"
        assert got == expected
        assert set(missed) <= set(got[count_at_drop:]), "the events of the downtime came after the reconnect"
        assert top_ids(browser)[0] > max(first_ids)
        browser.save_screenshot(str(tmp_path / "dashboard-resumed.png"))

        errors = [entry["message"] for entry in browser.get_log("browser")
                  if entry["level"] == "SEVERE" and "WebSocket connection to" not in entry["message"]]
        assert errors == []
    finally:
        for server in servers:
            server.stop()


def test_orders_table_follows_updates_and_deletes(demo, browser):
    """The live table equals the table's rows whenever no event of the topic lies between
    the page's last position and a fresh `/rows` snapshot's `Stream-Position`."""
    serve, port = start_serve(demo["database_url"])
    try:
        snapshot = open_topic(browser, port, "orders")
        base = f"http://127.0.0.1:{port}/api/v1/topics/orders"
        for op in ["UPDATE", "DELETE"]:
            position = wait_for(lambda: first_event(f"{base}/events?after={snapshot}&op=eq.{op}&limit=1"),
                                f"an {op} of orders", 30)
            wait_for(lambda: received(browser, "orders") and max(received(browser, "orders")) >= position,
                     f"the page to receive the {op}", 15)

        def consistent():
            state = script(browser, "return { position: page.current.position, rows: [...page.table.rows.values()] }")
            status, headers, body = get(f"{base}/rows?limit=10000")
            assert status == 200, body
            head, shown = int(headers["Stream-Position"]), int(state["position"])
            status, _, between = get(f"{base}/events?after={min(head, shown)}&before={max(head, shown) + 1}&limit=1")
            assert status == 200, between
            if json.loads(between)["data"]:
                return None
            return sorted(state["rows"], key=lambda row: row["id"]), sorted(json.loads(body)["data"], key=lambda row: row["id"])

        page_rows, table_rows = wait_for(consistent, "a moment with no orders event between page and snapshot", 15)
        assert page_rows == table_rows and len(table_rows) > 0
    finally:
        serve.stop()


def test_history_panel_pages_a_time_range(demo, browser):
    serve, port = start_serve(demo["database_url"])
    try:
        open_topic(browser, port, "sensors")
        ndjson = browser.find_element(By.ID, "download-ndjson").get_attribute("href")
        csv = browser.find_element(By.ID, "download-csv").get_attribute("href")
        assert "from-time=" in ndjson and ndjson.endswith("format=ndjson") and csv.endswith("format=csv")
        assert csv.replace("format=csv", "") == ndjson.replace("format=ndjson", "")
        wait_for(lambda: len(exported_positions(ndjson)) >= 110, "more than a page of sensors history", 30)

        browser.find_element(By.CSS_SELECTOR, "#history-form button[type=submit]").click()
        first = wait_for(lambda: history_positions(browser), "the first history page", 15)
        exported = exported_positions(ndjson)
        assert first == exported[:100]
        browser.find_element(By.ID, "history-next").click()
        wait_for(lambda: history_positions(browser) and history_positions(browser)[0] != first[0], "the next page", 15)
        assert history_positions(browser)[:10] == exported[100:110]

        status, headers, body = get(csv)
        assert status == 200 and headers["Content-Type"].startswith("text/csv") and body.count(b"\n") > 100
    finally:
        serve.stop()


def open_topic(browser, port, topic):
    """Logs in on a fresh page and chooses `topic`; returns the snapshot's position."""
    browser.get(f"http://127.0.0.1:{port}/")
    script(browser, "sessionStorage.clear()")
    browser.get(f"http://127.0.0.1:{port}/")
    wait_for(lambda: browser.find_element(By.ID, "login-panel").is_displayed(), "the login form")
    browser.find_element(By.ID, "login").send_keys(USER[0])
    browser.find_element(By.ID, "passcode").send_keys(USER[1])
    browser.find_element(By.CSS_SELECTOR, "#login-form button[type=submit]").click()
    selector = f"#topics button[data-topic='{topic}']"
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, selector), "the topic list", 15)
    browser.find_element(By.CSS_SELECTOR, selector).click()
    return wait_for(lambda: script(browser, f"return window.pgliveSnapshotPosition[{json.dumps(topic)}]"),
                    "the /rows snapshot", 15)


def first_event(url):
    status, _, body = get(url)
    assert status == 200, body
    data = json.loads(body)["data"]
    return data[0]["position"] if data else None


def exported_positions(url):
    status, _, body = get(url)
    assert status == 200, body
    return [json.loads(line)["position"] for line in body.decode().splitlines()]


def history_positions(browser):
    return script(browser, """
        return [...document.getElementById('history').tBodies[0].rows]
            .filter((row) => row.cells.length === 4).map((row) => Number(row.cells[0].textContent));
    """)


def at_least(count, items):
    return items if len(items) >= count else None


def connection(browser):
    """The connection badge: its state and how many CONNECTED frames the page has had."""
    badge = browser.find_element(By.ID, "connection")
    return badge.get_attribute("data-state"), int(badge.get_attribute("data-connects"))


def chart_samples(browser):
    return int(browser.find_element(By.ID, "chart").get_attribute("data-samples"))


def received(browser, topic="sensors"):
    return script(browser, f"return (window.pgliveReceived[{json.dumps(topic)}] || []).slice()")


def top_ids(browser):
    """The `id` column of the live table's rows, top first."""
    return script(browser, """
        const table = document.getElementById('rows');
        const column = [...table.tHead.rows[0].cells].findIndex((cell) => cell.textContent === 'id');
        return [...table.tBodies[0].rows].map((row) => Number(row.cells[column].textContent));
    """)


def chart_lines(browser):
    """The chart's lines, series to points, read in one step: the chart redraws in between."""
    return script(browser, """
        return Object.fromEntries([...document.querySelectorAll('#chart polyline')]
            .map((line) => [line.dataset.series, line.getAttribute('points')]));
    """)
