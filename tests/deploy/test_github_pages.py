"""The GitHub Pages recipe: the site with its Content-Security-Policy (and Referrer-Policy) in meta
tags (build_scripts/github_pages.py, make pages, .github/workflows/pages.yml), served by a plain
static server that sets no security headers, like GitHub Pages, and checked in a real Chromium."""

from __future__ import annotations

import base64
import filecmp
import functools
import hashlib
import http.server
import json
import re
import subprocess
import threading

import pytest
import yaml
from bs4 import BeautifulSoup, Tag

from build_scripts import github_pages
from build_scripts.calculator_pages import PAGES

from ..browser.test_pages import site_paths
from ..conftest import ROOT
from .conftest import computes_like_python, csp_page
from .test_nginx import engine, get

pytestmark = pytest.mark.deploy

# Directives a browser ignores in a <meta> policy (and complains about in the console).
DROPPED = {"frame-ancestors", "report-uri", "report-to", "sandbox"}
TAGS = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*"><meta name="referrer" content="[^"]*">')
PROBE = "<script>window.__probe = 'ran'</script>"


def headers_rule(pattern: str) -> dict[str, str]:
    """One rule of deploy/_headers, read here independently of build_scripts.github_pages."""
    text = (ROOT / "deploy/_headers").read_text(encoding="utf-8")
    block = re.search(rf"^{re.escape(pattern)}\n((?:[ \t]+.*\n?)+)", text, re.M)
    assert block, pattern
    return {name.lower(): value for name, value in re.findall(r"^[ \t]+([A-Za-z-]+): (.*)$", block.group(1), re.M)}


def directives(policy: str) -> list[str]:
    return [" ".join(part.split()) for part in policy.split(";") if part.strip()]


def expected_directives() -> list[str]:
    every = directives(headers_rule("/*")["content-security-policy"])
    assert any(d.startswith("frame-ancestors ") for d in every)  # so something is dropped indeed
    return [d for d in every if d.split()[0] not in DROPPED]


def head_elements(soup: BeautifulSoup) -> list[Tag]:
    return [child for child in soup.head.children if isinstance(child, Tag)]


def is_csp_meta(tag: Tag) -> bool:
    return tag.name == "meta" and (tag.get("http-equiv") or "").lower() == "content-security-policy"


def served_paths(site) -> list[str]:
    """Every page a visitor can open: the site's pages, the embed pages and the 404 page."""
    return site_paths(site) + [f"/rekenhulpen/insluiten/{p.slug}.html" for p in PAGES] + ["/404.html"]


# --- the files ---------------------------------------------------------------------------------

def test_every_html_file_has_one_csp_meta_tag_first_in_head_with_the_headers_policy(pages_site, served_site):
    expected = expected_directives()
    referrer = headers_rule("/*")["referrer-policy"]
    pages = sorted(pages_site.rglob("*.html"))
    assert len(pages) == len(list(served_site.rglob("*.html"))) > 40
    failures = []
    for page in pages:
        name = page.relative_to(pages_site).as_posix()
        html = page.read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html.parser")
        metas = [tag for tag in soup.find_all("meta") if is_csp_meta(tag)]
        if len(metas) != 1:
            failures.append(f"{name}: {len(metas)} CSP meta tags")
            continue
        elements = head_elements(soup)
        if elements[0].name == "meta" and elements[0].has_attr("charset"):
            elements = elements[1:]  # the charset declaration loads nothing and may come first
        if elements[0] is not metas[0]:
            failures.append(f"{name}: the first element in head is <{elements[0].name}>")
        earlier = metas[0].find_all_previous(["script", "link", "style", "base", "meta"])
        if any(not (tag.name == "meta" and tag.has_attr("charset")) for tag in earlier):
            failures.append(f"{name}: {[tag.name for tag in earlier]} before the CSP meta tag")
        if directives(metas[0]["content"]) != expected:
            failures.append(f"{name}: {metas[0]['content']}")
        if elements[1].name != "meta" or elements[1].get("name") != "referrer" or elements[1].get("content") != referrer:
            failures.append(f"{name}: no <meta name=referrer content={referrer}> after the CSP")
        # nothing else changed: without the two tags the page is the built page, byte for byte
        original = (served_site / page.relative_to(pages_site)).read_text(encoding="utf-8")
        original = github_pages.GZIPPED.sub(r"\1.gz", original)  # the inlined engine manifest names the .gz copies
        if TAGS.sub("", html, count=1) != original:
            failures.append(f"{name}: more changed than the two meta tags and the engine files' names")
    assert failures == []


def test_one_meta_policy_is_right_for_every_path_of_the_headers_file():
    """The embed pages differ from the rest only in frame-ancestors, which a meta tag cannot set."""
    embed = directives(headers_rule("/rekenhulpen/insluiten/*")["content-security-policy"])
    assert [d for d in embed if d.split()[0] not in DROPPED] == expected_directives()


def test_the_copy_leaves_out_the_precompressed_files_and_adds_nojekyll(pages_site, served_site):
    def files(root) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file()}

    built, published = files(served_site), files(pages_site)
    precompressed = {name for name in built if name.endswith((".br", ".gz")) and name[:-3] in built}
    assert len(precompressed) > 100  # the input really had them
    # a .br/.gz left is a file of its own (a gzipped engine file the worker unpacks), not a copy
    assert [name for name in published if name.endswith((".br", ".gz")) and name[:-3] in published] == []
    maps = {name for name in built if name.endswith(".map")}
    assert maps  # the theme ships source maps; GitHub Pages cannot refuse them, so they stay out
    # the snapshot, the trimmed standard library and the wheel: the .gz only, which the worker
    # unpacks itself (GitHub sends no Content-Encoding for them)
    manifest = json.loads((served_site / "assets/engine/engine.json").read_text())
    engine = {f"assets/engine/{manifest[k]}{suffix}" for k in ("snapshot", "stdlib", "wheel") for suffix in ("", ".br", ".gz")}
    assert engine <= built
    assert published == built - precompressed - maps - engine | {n for n in engine if n.endswith(".gz")} | {".nojekyll"}
    on_pages = json.loads((pages_site / "assets/engine/engine.json").read_text())
    assert {k: on_pages[k] for k in ("snapshot", "stdlib", "wheel")} == {
        k: manifest[k] + ".gz" for k in ("snapshot", "stdlib", "wheel")}
    assert all(f"assets/engine/{w}" in published for w in on_pages["ics_wheels"])
    assert (pages_site / ".nojekyll").read_bytes() == b""
    assert ".well-known/security.txt" in published
    for name in published - {".nojekyll", "assets/engine/engine.json"}:
        if not name.endswith(".html"):
            assert filecmp.cmp(served_site / name, pages_site / name, shallow=False), name


def test_the_plain_server_sends_no_policy_and_wasm_as_application_wasm(pages_server, pages_site):
    """So what the browser tests below see comes from the meta tags alone."""
    status, headers, _ = get(pages_server, "/")
    assert status == 200
    assert not {"content-security-policy", "referrer-policy", "x-frame-options"} & set(headers)
    status, headers, _ = get(pages_server, f"/assets/engine/{engine(pages_site)['pyodide']}pyodide.asm.wasm")
    assert (status, headers["content-type"]) == (200, "application/wasm")


# --- the browser -------------------------------------------------------------------------------

def test_no_page_violates_the_meta_policy_or_complains_about_it(pages_page, pages_site):
    csp_messages = []  # any level: Chromium reports ignored meta directives as console errors
    pages_page.on("console", lambda msg: re.search(r"content.security.policy", msg.text, re.I)
                  and csp_messages.append(f"{msg.type}: {msg.text}"))
    failures = {}
    for path in served_paths(pages_site):
        response = pages_page.goto(path, wait_until="networkidle")
        if response is None or response.status != 200:
            failures[path] = f"HTTP {response and response.status}"
        elif pages_page.evaluate("window.__csp"):
            failures[path] = pages_page.evaluate("window.__csp")
    pages_page.goto("/")  # the search (a worker) under the policy too
    field = pages_page.locator("input.md-search__input")
    field.click()
    field.press_sequentially("reactietermijn")
    pages_page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    assert failures == {}
    assert pages_page.evaluate("window.__csp") == []
    assert csp_messages == []
    assert pages_page.console_errors == []
    assert pages_page.foreign_requests == []


def _fulfill(route, body: str) -> None:
    route.fulfill(status=200, content_type="text/html; charset=utf-8", body=body)


def _probe(browser, origin: str, html: str) -> tuple[object, list[str], list[str]]:
    """Open `html` as the home page (same origin, same assets): (window.__probe, violations, errors)."""
    with csp_page(browser, origin) as pg:
        pg.route(f"{origin}/", functools.partial(_fulfill, body=html))
        pg.goto("/", wait_until="networkidle")
        return pg.evaluate("window.__probe"), pg.evaluate("window.__csp"), pg.console_errors


def test_the_meta_policy_is_enforced(browser, pages_server, pages_site):
    """An inline script that the policy does not allow by hash is blocked after the meta tag, and
    runs before it: the tag is what protects the page, and its place matters."""
    digest = base64.b64encode(hashlib.sha256(b"window.__probe = 'ran'").digest()).decode()
    assert digest not in (pages_site / "index.html").read_text(encoding="utf-8")
    html = (pages_site / "index.html").read_text(encoding="utf-8")

    ran, violations, errors = _probe(browser, pages_server, html.replace("</head>", PROBE + "</head>", 1))
    assert ran is None
    assert [v for v in violations if v.startswith("script-src-elem inline")], violations
    assert any("inline script" in e and "Content Security Policy" in e for e in errors), errors

    ran, violations, _ = _probe(browser, pages_server, html.replace("<head>", "<head>" + PROBE, 1))
    assert ran == "ran"
    assert violations == []


class _RefererRecorder(http.server.BaseHTTPRequestHandler):
    referers: list[str | None] = []  # of the requests for /elders (not the favicon)

    def do_GET(self) -> None:
        if self.path == "/elders":
            type(self).referers.append(self.headers.get("Referer"))
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, *args) -> None:
        pass


def test_the_referrer_meta_tag_keeps_the_address_on_the_site(browser, pages_server, pages_site):
    """Following a link to another site sends no Referer; without the tag Chromium would send the
    origin (its default strict-origin-when-cross-origin)."""
    _RefererRecorder.referers = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _RefererRecorder)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    other = f"http://127.0.0.1:{httpd.server_address[1]}"
    html = (pages_site / "index.html").read_text(encoding="utf-8")
    without_referrer_tag = re.sub(r'<meta name="referrer" content="[^"]*">', "", html, count=1)
    context = browser.new_context(base_url=pages_server)
    try:
        pg = context.new_page()
        for body in (html, without_referrer_tag):
            pg.route(f"{pages_server}/", functools.partial(_fulfill, body=body))
            pg.goto("/")
            pg.evaluate(f"location.href = '{other}/elders'")
            pg.wait_for_url(f"{other}/elders")
            pg.unroute(f"{pages_server}/")
    finally:
        context.close()
        httpd.shutdown()
        httpd.server_close()
    assert _RefererRecorder.referers == [None, f"{pages_server}/"]


@pytest.mark.parametrize("spec", PAGES, ids=[p.slug for p in PAGES])
def test_every_calculator_computes_under_the_meta_policy(pages_page, spec):
    assert computes_like_python(pages_page, spec)
    assert pages_page.evaluate("window.__csp") == []
    assert pages_page.console_errors == []
    assert pages_page.foreign_requests == []


# --- the workflow and the Makefile target ------------------------------------------------------

def test_the_workflow_builds_with_make_pages_and_deploys_site_pages():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["branches"] == ["main"] and "workflow_dispatch" in triggers
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"] == "pages"
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert build["runs-on"] == "ubuntu-latest"
    steps = {step.get("uses", step.get("run")): step for step in build["steps"]}
    assert "actions/checkout@v4" in steps
    assert steps["actions/setup-python@v5"]["with"]["python-version"] == "3.13"
    assert steps["actions/setup-node@v4"]["with"]["node-version"] == 20
    assert "make pages" in steps
    # v3: later versions leave out dot-files (.nojekyll, .well-known/) unless told otherwise
    assert steps["actions/upload-pages-artifact@v3"]["with"]["path"] == "site-pages"
    order = list(steps)
    assert order.index("actions/setup-python@v5") < order.index("make pages") < order.index("actions/upload-pages-artifact@v3")
    assert deploy["needs"] == "build"
    assert deploy["environment"] == {"name": "github-pages", "url": "${{ steps.deployment.outputs.page_url }}"}
    assert deploy["steps"] == [{"id": "deployment", "uses": "actions/deploy-pages@v4"}]


def test_make_pages_writes_the_uploaded_folder_from_the_built_site():
    # --no-print-directory: under `make test` this runs inside make, which would add "Leaving directory"
    dry_run = subprocess.run(["make", "-n", "--no-print-directory", "pages"], cwd=ROOT, capture_output=True, text=True)
    assert dry_run.returncode == 0, dry_run.stderr
    lines = dry_run.stdout.splitlines()
    assert any(line.endswith("-m build_scripts.precompress site") for line in lines)  # make build first
    assert lines[-1].endswith("-m build_scripts.github_pages site site-pages")


# --- the script's parts ------------------------------------------------------------------------

@pytest.mark.parametrize("html, expected", [
    ("<!doctype html><html><head><meta charset=utf-8><title>t</title>", "<head><meta charset=utf-8>X<title>"),
    ("<html><HEAD>\r\n  <Meta Charset='utf-8' />\r\n<script>1</script>", "<Meta Charset='utf-8' />X\r\n<script>"),
    ("<html><head><title>t</title><meta charset=utf-8>", "<head>X<title>"),
    ("<html>\n<head data-x='<head>'>\n<link rel=stylesheet href=a.css>", "<head data-x='<head>'>X\n<link"),
    ("<html><head><!-- <script> --><meta charset=utf-8><script>", "<meta charset=utf-8>X<script>"),
])
def test_the_tags_go_before_everything_but_a_leading_charset(html, expected):
    assert expected in github_pages.add_meta_tags(html, "X")


@pytest.mark.parametrize("html", [
    "<html><body>no head</body>",
    '<html><head><meta charset=utf-8><meta http-equiv="content-security-policy" content="default-src *">',
])
def test_a_page_without_head_or_with_a_policy_already_is_refused(html):
    with pytest.raises(ValueError):
        github_pages.add_meta_tags(html, "X")


def test_meta_policy_drops_what_a_meta_tag_cannot_carry():
    policy = "default-src 'self'; frame-ancestors 'none'; report-uri /r; Report-To g; sandbox; img-src data:"
    assert github_pages.meta_policy(policy) == "default-src 'self'; img-src data:"


def test_a_path_with_another_policy_is_refused():
    rules = github_pages.header_rules("/*\n  Content-Security-Policy: default-src 'self'; frame-ancestors 'none'\n"
                                      "  Referrer-Policy: same-origin\n/x/*\n  ! Content-Security-Policy\n"
                                      "  Content-Security-Policy: default-src *; frame-ancestors *\n")
    assert rules["/x/*"] == {"content-security-policy": "default-src *; frame-ancestors *"}
    with pytest.raises(ValueError, match="/x/"):
        github_pages.meta_tags(rules)


def test_the_output_folder_is_never_the_site_or_a_stranger(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("<html><head></head></html>", encoding="utf-8")
    stranger = tmp_path / "docs"
    stranger.mkdir()
    (stranger / "keep.md").write_text("keep", encoding="utf-8")
    for out in (site, tmp_path, site / "pages", stranger):
        assert github_pages.main([str(site), str(out)]) == 1, out
    assert (stranger / "keep.md").exists() and not (site / "pages").exists()
    out = tmp_path / "site-pages"
    assert github_pages.main([str(site), str(out)]) == 0
    assert github_pages.main([str(site), str(out)]) == 0  # an earlier output is replaced
    assert (out / ".nojekyll").exists() and "Content-Security-Policy" in (out / "index.html").read_text(encoding="utf-8")
