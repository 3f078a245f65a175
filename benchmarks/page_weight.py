"""Bytes a visitor transfers per page of the built site.

Usage: .venv/bin/python benchmarks/page_weight.py [site_dir]   (default: site/, run `make build` first)

Serves the built site on loopback, opens every page in a fresh Chromium context (cold cache) and
sums the bytes of every response. It reports them as served here (uncompressed: Python's static
server does not compress) and gzip-compressed (what a host that compresses text would send).
Prints a Markdown table and the JSON figures. Not part of `make test`: figures, not assertions.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import json
import os
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def pages(site: Path) -> list[str]:
    out = []
    for p in sorted(site.rglob("index.html")):
        rel = p.relative_to(site).parent.as_posix()
        out.append("/" if rel == "." else f"/{rel}/")
    return out


def measure(site: Path) -> list[dict]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    results = []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for path in pages(site):
            context = browser.new_context()
            page = context.new_page()
            bodies: list[bytes] = []
            page.on("requestfinished", lambda req: bodies.append(req.response().body() if req.response() else b""))
            page.goto(base + path, wait_until="networkidle")
            context.close()
            raw = sum(len(b) for b in bodies)
            gz = sum(len(gzip.compress(b, 6)) for b in bodies)
            results.append({"page": path, "requests": len(bodies), "bytes": raw, "gzip_bytes": gz})
        browser.close()
    httpd.shutdown()
    return results


def main() -> int:
    site = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"
    results = measure(site)
    print("| page | requests | bytes (as served) | bytes (gzip) |")
    print("|---|---:|---:|---:|")
    for r in results:
        print(f"| {r['page']} | {r['requests']} | {r['bytes']:,} | {r['gzip_bytes']:,} |")
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
