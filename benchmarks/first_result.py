"""Time from opening a calculator page to its first result computed in the browser, cold (fresh
browser context, empty cache) and warm (second visit in the same context), and the bytes the
page transfers. A quick measurement for the notes; issue 6 grows this into the full benchmark.

Usage: .venv/bin/python benchmarks/first_result.py [runs] [site_dir]   (run `make build` first)
"""

from __future__ import annotations

import functools
import http.server
import os
import statistics
import sys
import threading
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def end_headers(self):
        # versioned engine files may be cached by the browser, as a real host would allow
        if "/assets/engine/" in self.path:
            self.send_header("Cache-Control", "public, max-age=31536000, immutable")
        super().end_headers()


def visit(page, url: str) -> tuple[float, float]:
    start = time.perf_counter()
    page.goto(url)
    prerendered = time.perf_counter() - start
    page.wait_for_function("document.querySelector('.zc-calculator')?.hasAttribute('data-last-ms')", timeout=120_000)
    return prerendered, time.perf_counter() - start


def main() -> int:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    site = Path(sys.argv[2]) if len(sys.argv) > 2 else ROOT / "site"
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_address[1]}/rekenhulpen/termijnen/"
    cold, warm, pre, sizes = [], [], [], []
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for _ in range(runs):
            context = browser.new_context()
            page = context.new_page()
            total = []
            page.on("requestfinished", lambda req: total.append(len(req.response().body()) if req.response() else 0))
            p, c = visit(page, url)
            pre.append(p)
            cold.append(c)
            sizes.append(sum(total))
            page2 = context.new_page()
            warm.append(visit(page2, url)[1])
            context.close()
        browser.close()
    httpd.shutdown()
    fmt = lambda xs: f"median {statistics.median(xs):.2f} s (min {min(xs):.2f}, max {max(xs):.2f})"
    print(f"runs: {runs}, page: /rekenhulpen/termijnen/")
    print(f"pre-rendered result visible (page load): {fmt(pre)}")
    print(f"first result computed in the browser, cold: {fmt(cold)}")
    print(f"first result computed in the browser, warm: {fmt(warm)}")
    print(f"bytes transferred, cold (uncompressed): {statistics.median(sizes):,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
