"""A small static file server for the benchmark, behaving like the production recipe: it serves a
precompressed ``.br`` or ``.gz`` variant when the browser accepts it (as nginx' gzip_static /
brotli_static do), the right MIME types (application/wasm), long cache lifetimes for versioned
files and revalidation for the rest: a conditional request for an unchanged file is answered 304
Not Modified without a body, as nginx answers it (If-Modified-Since equal to the file's
Last-Modified). Loopback only.
"""

from __future__ import annotations

import email.utils
import functools
import http.server
import mimetypes
import os
import threading
from pathlib import Path

mimetypes.add_type("application/wasm", ".wasm")
mimetypes.add_type("application/javascript", ".mjs")

# Paths whose content never changes under the same URL (versioned or content-hashed).
IMMUTABLE = ("/assets/engine/pyodide/", "/assets/engine/wheels/", "/assets/engine/wheels-ics/",
             "/assets/javascripts/bundle.", "/assets/stylesheets/main.", "/assets/stylesheets/palette.",
             "/assets/javascripts/lunr/", "/assets/javascripts/workers/")


class Handler(http.server.SimpleHTTPRequestHandler):
    extra: dict[str, bytes] = {}  # virtual pages (e.g. the baseline), path -> HTML

    def log_message(self, *args):
        pass

    def send_head(self):
        path = self.path.split("?", 1)[0].split("#", 1)[0]
        if path in self.extra:
            body = self.extra[path]
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-cache")
            self.end_headers()
            return _Bytes(body)
        fs_path = Path(self.translate_path(path))
        if fs_path.is_dir():
            fs_path = fs_path / "index.html"
        if not fs_path.is_file():
            self.send_error(404)
            return None
        accept = self.headers.get("Accept-Encoding", "")
        encoding, served = None, fs_path
        for enc, suffix in (("br", ".br"), ("gzip", ".gz")):
            candidate = fs_path.with_name(fs_path.name + suffix)
            if enc in accept and candidate.is_file():
                encoding, served = enc, candidate
                break
        ctype = mimetypes.guess_type(fs_path.name)[0] or "application/octet-stream"
        if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
            ctype += "; charset=utf-8"
        stat = served.stat()
        modified = email.utils.formatdate(fs_path.stat().st_mtime, usegmt=True)  # the same for each encoding
        if self.headers.get("If-Modified-Since") == modified:  # a revalidation: nothing to send again
            self.send_response(304)
            self.send_header("Last-Modified", modified)
            self.send_header("Cache-Control", self.cache_control(path))
            if encoding:
                self.send_header("Vary", "Accept-Encoding")
            self.end_headers()
            return None
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Last-Modified", modified)
        if encoding:
            self.send_header("Content-Encoding", encoding)
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Cache-Control", self.cache_control(path))
        self.end_headers()
        return open(served, "rb")

    @staticmethod
    def cache_control(path: str) -> str:
        return "public, max-age=31536000, immutable" if any(p in path for p in IMMUTABLE) else "no-cache"


class _Bytes:
    def __init__(self, data: bytes):
        self.data = data

    def read(self, *args):
        data, self.data = self.data, b""
        return data

    def close(self):
        pass


def serve(directory: Path, extra: dict[str, bytes] | None = None) -> tuple[str, http.server.ThreadingHTTPServer]:
    handler = functools.partial(type("H", (Handler,), {"extra": extra or {}}), directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}", httpd
