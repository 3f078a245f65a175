"""The hosting recipe (deploy/nginx.conf) served by Debian's nginx: headers, types, compression,
and the site working under its Content-Security-Policy in a real Chromium."""

from __future__ import annotations

import base64
import hashlib
import http.client
import json
import re
from urllib.parse import urlsplit

import pytest

from build_scripts.calculator_pages import PAGES
from build_scripts.github_pages import header_rules

from ..browser.test_calculators import READY
from ..browser.test_pages import site_paths
from ..conftest import ROOT
from .conftest import computes_like_python

pytestmark = pytest.mark.deploy

IMMUTABLE = "public, max-age=31536000, immutable"
SECURITY = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "strict-transport-security": "max-age=31536000; includeSubDomains",
}


def get(base: str, path: str, encoding: str | None = None):
    """(status, headers with lower-case names, body) of one GET, without decoding the body."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    conn.request("GET", path, headers={"Accept-Encoding": encoding} if encoding else {})
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body


def csp(headers: dict) -> dict[str, list[str]]:
    policy = {}
    for part in headers["content-security-policy"].split(";"):
        name, *values = part.split()
        policy[name] = values
    return policy


def engine(site) -> dict:
    return json.loads((site / "assets/engine/engine.json").read_text(encoding="utf-8"))


def test_every_page_has_every_security_header(nginx, site):
    failures = []
    for path in site_paths(site) + ["/404.html", "/nope/", "/.well-known/security.txt"]:
        status, headers, _ = get(nginx, path)
        if status != (404 if path == "/nope/" else 200):
            failures.append(f"{path}: HTTP {status}")
        for name, value in SECURITY.items():
            if headers.get(name) != value:
                failures.append(f"{path}: {name}: {headers.get(name)}")
        if not headers.get("permissions-policy", "").startswith("accelerometer=()"):
            failures.append(f"{path}: permissions-policy")
        policy = csp(headers)
        if policy["default-src"] != ["'self'"] or policy["frame-ancestors"] != ["'none'"] or headers.get("x-frame-options") != "DENY":
            failures.append(f"{path}: {headers['content-security-policy']}")
        if "'unsafe-inline'" in policy["script-src"] or "'unsafe-eval'" in policy["script-src"]:
            failures.append(f"{path}: script-src allows inline or eval")
    assert failures == []


def test_only_the_embed_pages_may_be_framed_by_other_sites(nginx):
    for spec in PAGES:
        _, headers, _ = get(nginx, f"/rekenhulpen/insluiten/{spec.slug}.html")
        assert csp(headers)["frame-ancestors"] == ["*"]
        assert "x-frame-options" not in headers
        _, headers, _ = get(nginx, f"/rekenhulpen/{spec.slug}/")
        assert csp(headers)["frame-ancestors"] == ["'none'"]


def test_the_csp_hashes_cover_every_inline_script_of_the_theme(nginx, site):
    """A Material upgrade or a page at a new depth changes these scripts: then update the hashes
    in deploy/nginx.conf and deploy/_headers (this test names the missing ones)."""
    _, headers, _ = get(nginx, "/")
    allowed = set(csp(headers)["script-src"])
    missing = set()
    for page in site.rglob("*.html"):
        for attrs, body in re.findall(r"<script([^>]*)>(.*?)</script>", page.read_text(encoding="utf-8"), re.S):
            if "src=" in attrs or "application/json" in attrs or "application/ld+json" in attrs:
                continue  # external, or data that is never executed (the norms' schema.org JSON-LD)
            digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
            if f"'sha256-{digest}'" not in allowed:
                missing.add(f"'sha256-{digest}' ({page.relative_to(site)})")
    assert missing == set()


def test_versioned_assets_are_cached_for_a_year_and_html_briefly(nginx, site):
    manifest = engine(site)
    bundle = next(site.glob("assets/javascripts/bundle.*.min.js")).name
    css = next(site.glob("assets/stylesheets/main.*.min.css")).name
    for path in [f"/assets/engine/{manifest['pyodide']}pyodide.asm.wasm", f"/assets/engine/{manifest['wheel']}",
                 f"/assets/engine/{manifest['ics_wheels'][0]}", f"/assets/javascripts/{bundle}",
                 f"/assets/stylesheets/{css}"]:
        status, headers, _ = get(nginx, path)
        assert status == 200, path
        assert headers["cache-control"] == IMMUTABLE, path
    for path in ["/", "/rekenhulpen/termijnen/", "/assets/javascripts/calculator.js", "/assets/stylesheets/normen.css"]:
        assert get(nginx, path)[1]["cache-control"] == "public, max-age=300", path
    assert get(nginx, "/assets/engine/engine.json")[1]["cache-control"] == "no-cache"


def test_wasm_is_served_as_application_wasm_and_precompressed(nginx, site):
    path = f"/assets/engine/{engine(site)['pyodide']}pyodide.asm.wasm"
    size = (site / path.lstrip("/")).stat().st_size
    status, plain, body = get(nginx, path)
    assert status == 200 and plain["content-type"] == "application/wasm" and len(body) == size
    assert "content-encoding" not in plain
    for encoding, name in [("gzip", "gzip"), ("br", "br"), ("br, gzip", "br")]:
        status, headers, body = get(nginx, path, encoding)
        assert (status, headers["content-type"], headers.get("content-encoding")) == (200, "application/wasm", name)
        assert "Accept-Encoding" in headers.get("vary", "")
        assert len(body) < size * 0.5
    assert get(nginx, path, "br")[1]["cache-control"] == IMMUTABLE


@pytest.mark.parametrize("path, ctype", [
    ("/", "text/html; charset=utf-8"),
    ("/assets/javascripts/calculator.js", "application/javascript; charset=utf-8"),
    ("/search/search_index.json", "application/json; charset=utf-8"),
    ("/assets/engine/pyodide/{v}/pyodide-lock.json", "application/json; charset=utf-8"),
])
def test_text_and_data_are_sent_compressed(nginx, site, path, ctype):
    path = path.format(v=engine(site)["pyodide_version"])
    for encoding in ("gzip", "br"):
        status, headers, _ = get(nginx, path, encoding)
        assert status == 200 and headers["content-type"] == ctype
        assert headers.get("content-encoding") == encoding, (path, encoding)


def test_security_txt_is_published(nginx):
    status, headers, body = get(nginx, "/.well-known/security.txt")
    assert status == 200 and headers["content-type"].startswith("text/plain")
    fields = dict(line.split(": ", 1) for line in body.decode().splitlines() if line and not line.startswith("#"))
    assert fields["Contact"].startswith("mailto:")
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z", fields["Expires"])


def test_source_maps_are_not_published(nginx, site):
    bundle = next(site.glob("assets/javascripts/bundle.*.min.js.map")).name
    assert get(nginx, f"/assets/javascripts/{bundle}")[0] == 404


def _violations(pg) -> list[str]:
    return pg.evaluate("window.__csp")


def test_no_page_violates_the_csp(nginx_page, site):
    failures = {}
    for path in site_paths(site):
        nginx_page.goto(path, wait_until="networkidle")
        if _violations(nginx_page):
            failures[path] = _violations(nginx_page)
    # the search (a worker, lunr's Dutch stemmer) works under the policy too
    nginx_page.goto("/")
    field = nginx_page.locator("input.md-search__input")
    field.click()
    field.press_sequentially("reactietermijn")
    nginx_page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert failures == {}
    assert _violations(nginx_page) == []
    assert nginx_page.console_errors == []
    assert nginx_page.foreign_requests == []


@pytest.mark.parametrize("spec", PAGES, ids=[p.slug for p in PAGES])
def test_every_calculator_computes_under_the_csp(nginx_page, spec):
    assert computes_like_python(nginx_page, spec)
    assert _violations(nginx_page) == []
    assert nginx_page.console_errors == []
    assert nginx_page.foreign_requests == []


def test_the_calendar_file_downloads_under_the_csp(nginx_page):
    """The .ics button loads more wheels into Pyodide: also under the policy."""
    nginx_page.goto("/rekenhulpen/termijnen/")
    nginx_page.wait_for_selector(READY, timeout=90_000)
    with nginx_page.expect_download(timeout=60_000) as info:
        nginx_page.click(".zc-ics")
    assert info.value.suggested_filename.endswith(".ics")
    assert _violations(nginx_page) == []
    assert nginx_page.console_errors == []


def test_the_embed_page_works_in_an_iframe_on_another_origin_under_the_csp(browser, nginx, tmp_path):
    from ..browser.test_calculators import HOST_PAGE
    import functools
    import http.server
    import threading

    (tmp_path / "index.html").write_text(
        HOST_PAGE.format(src=f"{nginx}/rekenhulpen/insluiten/bagatelvoorziening.html", origin=nginx), encoding="utf-8")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    context = browser.new_context()
    try:
        pg = context.new_page()
        errors = []
        pg.on("console", lambda m: m.type == "error" and errors.append(m.text))
        pg.goto(f"http://127.0.0.1:{httpd.server_address[1]}/")
        frame = pg.frame_locator("#calc")
        frame.locator(READY).wait_for(timeout=90_000)
        pg.wait_for_function("() => window.lastResize && window.lastResize.calculator === 'de-minimis'")
        frame.locator(".zc-examples summary").click()  # the embed starts unanswered: take an example
        frame.locator(".zc-examples a").first.click()
        frame.locator(".zc-result-body[data-verdict='exempt']").wait_for(timeout=10_000)
        frame.locator("#veld-market_shares_pct-0").fill("12")
        frame.locator("#veld-participants-0-turnover_eur").fill("900000")
        frame.locator(".zc-result-body[data-verdict='not-exempt']").wait_for(timeout=10_000)
        assert errors == []
    finally:
        context.close()
        httpd.shutdown()
        httpd.server_close()


def test_headers_file_and_nginx_recipe_send_the_same_policy(nginx):
    """deploy/_headers (static hosts) says what deploy/nginx.conf says."""
    rules = header_rules((ROOT / "deploy/_headers").read_text(encoding="utf-8"))
    _, page, _ = get(nginx, "/")
    _, embed, _ = get(nginx, "/rekenhulpen/insluiten/termijnen.html")
    everywhere = rules["/*"]
    for name in ("content-security-policy", "x-frame-options", "x-content-type-options", "referrer-policy",
                 "permissions-policy", "strict-transport-security"):
        assert everywhere[name] == page[name], name
    assert rules["/rekenhulpen/insluiten/*"]["content-security-policy"] == embed["content-security-policy"]
