"""Fixtures for the interoperability tests: a private PostgreSQL (through `pglive demo`)
and a `pglive serve` on free ports, both run from the built binary."""

import os
import pathlib
import re
import signal
import subprocess
import tempfile
import time
import warnings

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("PGLIVE_BINARY") or str(ROOT / ".build" / "debug" / "pglive")


def wait_for(probe, what, timeout=60.0):
    """Polls `probe` until it returns something truthy, or fails after `timeout` seconds."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        value = probe()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out after {timeout}s waiting for {what}")


class PGLive:
    """A `pglive` child process with its output in files, readable while it runs."""

    def __init__(self, *arguments):
        self.output = tempfile.NamedTemporaryFile(prefix="pglive-interop-", suffix=".log", delete=False)
        self.process = subprocess.Popen(
            [BINARY, *arguments], cwd=ROOT, stdin=subprocess.DEVNULL, stdout=self.output, stderr=subprocess.STDOUT)

    def log(self):
        return pathlib.Path(self.output.name).read_text(errors="replace")

    def stop(self):
        """SIGTERM, then waits: the server bounds its own shutdown (close handshakes 5 s,
        in-flight work --shutdown-timeout 30 s), so 45 s here. A stop slower than 10 s is
        reported as a warning with the log's tail; one that never ends fails with it."""
        if self.process.poll() is None:
            started = time.monotonic()
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=45)
            except subprocess.TimeoutExpired:
                self.process.kill()
                raise AssertionError("pglive did not stop within 45 s of SIGTERM:\n" + self.log()[-4000:])
            if time.monotonic() - started > 10:
                warnings.warn(f"pglive took {time.monotonic() - started:.1f} s to stop:\n" + self.log()[-4000:])
        os.unlink(self.output.name)
        return self.process.returncode


@pytest.fixture(scope="session")
def demo():
    """`pglive demo` on free ports: its database URL and its HTTP port (user demo:demo)."""
    process = PGLive("demo", "--http-port", "0", "--stomp-port", "0")
    try:
        match = wait_for(
            lambda: re.search(r"dashboard:\s+http://127\.0\.0\.1:(\d+)/.*?database:\s+(\S+)", process.log(), re.S),
            "pglive demo to start PostgreSQL")
        yield {"http": int(match.group(1)), "database_url": match.group(2)}
    finally:
        process.stop()


@pytest.fixture(scope="session")
def database_url(demo):
    return demo["database_url"]


@pytest.fixture(scope="session")
def server(database_url):
    serve = PGLive("serve", "--database-url", database_url, "--user", "alice:secret",
                   "--auto-create-topics", "--http-port", "0", "--stomp-port", "0")

    def ports():
        found = dict(re.findall(r"endpoint=(http|stomp) .*?port=(\d+)", serve.log()))
        return found if len(found) == 2 else None

    try:
        found = wait_for(ports, "pglive serve to listen")
        yield {name: int(port) for name, port in found.items()}
    finally:
        assert serve.stop() == 0, serve.log()
