"""Shared fixtures: one strict build of the site per test session, a static file server on
loopback serving it, and a real Chromium driven by Playwright."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Build:
    dir: Path
    output: str  # everything mkdocs printed
    returncode: int


def run_build(site_dir: Path) -> Build:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    gen = subprocess.run([sys.executable, "-m", "build_scripts.generate"], cwd=ROOT, env=env,
                         capture_output=True, text=True)
    if gen.returncode != 0:
        return Build(site_dir, gen.stdout + gen.stderr, gen.returncode)
    proc = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )
    return Build(site_dir, proc.stdout + proc.stderr, proc.returncode)


@pytest.fixture(scope="session")
def build(tmp_path_factory) -> Build:
    result = run_build(tmp_path_factory.mktemp("site"))
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="session")
def site(build) -> Path:
    return build.dir


def html_pages(site_dir: Path) -> list[Path]:
    """Every page of the built site (not the 404 page)."""
    return sorted(p for p in site_dir.rglob("index.html"))


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    # no security headers at all; the one type Pyodide insists on, whatever the host's mime.types says
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm"}

    def log_message(self, *args):  # keep test output readable
        pass


@contextlib.contextmanager
def static_server(directory: Path) -> Iterator[str]:
    """A plain static file server for `directory` on loopback, in a thread; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="session")
def server(site):
    with static_server(site) as url:
        yield url


def chromium_path() -> str | None:
    path = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    return path if path and Path(path).exists() else shutil.which("chromium")


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    exe = chromium_path()
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=exe,  # None: Playwright's own browser, where it could download one
            args=["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        )
        yield browser
        browser.close()


def guarded_page(context, origin: str):
    """A page that records console errors and aborts (and records) every request that would
    leave `origin`."""
    pg = context.new_page()
    pg.console_errors = []  # type: ignore[attr-defined]
    pg.foreign_requests = []  # type: ignore[attr-defined]
    pg.on("console", lambda msg: msg.type == "error" and pg.console_errors.append(msg.text))
    pg.on("pageerror", lambda exc: pg.console_errors.append(str(exc)))

    def check_origin(route):
        url = route.request.url
        if url.startswith(origin) or url.startswith("data:") or url.startswith("blob:"):
            route.continue_()
        else:
            pg.foreign_requests.append(url)
            route.abort()

    context.route("**/*", check_origin)
    return pg


@pytest.fixture
def page(browser, server):
    """A fresh context per test that records console errors and every request's origin."""
    context = browser.new_context(base_url=server)
    yield guarded_page(context, server)
    context.close()
