"""The fault proxy: the built site on loopback, with one chosen file failing in one chosen way."""

from __future__ import annotations

import http.server
import random
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

FAULTS = ("404", "500", "truncated", "stalled", "garbage", "trickle")
TRICKLE_PIECES, TRICKLE_GAP_S = 8, 0.5  # "trickle": slow but steady, a piece every half second
TYPES = {".wasm": "application/wasm", ".js": "application/javascript", ".mjs": "text/javascript",
         ".json": "application/json", ".html": "text/html; charset=utf-8", ".css": "text/css", ".zip": "application/zip",
         ".whl": "application/zip", ".gz": "application/gzip", ".svg": "image/svg+xml", ".png": "image/png"}


class FaultServer(http.server.ThreadingHTTPServer):
    """Serves `root`; a request whose path ends with `fault[0]` gets the fault `fault[1]`."""

    daemon_threads = True

    def __init__(self, root: Path):
        super().__init__(("127.0.0.1", 0), FaultHandler)
        self.root = root
        self.fault: tuple[str, str] | None = None
        self.release = threading.Event()  # ends every stalled response
        self.hits: list[str] = []

    def handle_error(self, request, client_address):  # a browser hanging up on a fault is expected
        pass

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"


class FaultHandler(http.server.BaseHTTPRequestHandler):
    server: FaultServer
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):  # keep test output readable
        pass

    def file(self) -> Path | None:
        path = self.path.split("?")[0].split("#")[0]
        target = (self.server.root / path.lstrip("/")).resolve()
        if target.is_dir():
            target = target / "index.html"
        inside = self.server.root.resolve() in target.parents
        return target if inside and target.is_file() else None

    def do_GET(self):  # noqa: N802 (http.server's name)
        target = self.file()
        fault = self.server.fault
        if fault and self.path.split("?")[0].endswith(fault[0]):
            self.server.hits.append(self.path)
            return self.faulty(fault[1], target.read_bytes() if target else b"")
        if target is None:
            return self.answer(404, b"niet gevonden", "text/plain")
        self.answer(200, target.read_bytes(), TYPES.get(target.suffix, "application/octet-stream"))

    def answer(self, status: int, body: bytes, ctype: str, length: int | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def faulty(self, mode: str, body: bytes) -> None:
        ctype = TYPES.get(Path(self.path.split("?")[0]).suffix, "application/octet-stream")
        if mode in ("404", "500"):
            return self.answer(int(mode), b"fout", "text/plain")
        if mode == "garbage":  # the right length and type, the wrong bytes
            return self.answer(200, random.Random(17).randbytes(max(len(body), 64)), ctype)
        if mode == "trickle":  # every byte, in pieces with a pause between: slow, never stalled
            self.answer(200, b"", ctype, length=len(body))
            step = -(-len(body) // TRICKLE_PIECES)
            for start in range(0, len(body), step):
                time.sleep(TRICKLE_GAP_S)
                self.wfile.write(body[start:start + step])
                self.wfile.flush()
            return None
        if mode == "truncated":  # promise every byte, send half, hang up
            self.answer(200, body[: len(body) // 2], ctype, length=len(body))
            self.close_connection = True
            return None
        self.answer(200, body[:1024], ctype, length=len(body))  # stalled: 1 KiB, then nothing
        self.wfile.flush()
        self.server.release.wait(120)
        self.close_connection = True
        return None


@pytest.fixture(scope="session")
def fault_server(site) -> Iterator[FaultServer]:
    httpd = FaultServer(site)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield httpd
    httpd.release.set()
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def faulty(fault_server) -> Iterator[FaultServer]:
    """The fault server, with no fault before and after each test."""
    fault_server.fault = None
    fault_server.hits.clear()
    yield fault_server
    fault_server.fault = None


# The nginx recipe on loopback, as tests/deploy starts it (one nginx per session).
from ..deploy.conftest import nginx, served_site  # noqa: E402,F401
