"""Every internal link and anchor of the built site resolves; no link points to '#';
the committed list of public URLs keeps resolving."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

from bs4 import BeautifulSoup

from ..conftest import html_pages

STABLE_URLS = Path(__file__).with_name("stable_urls.txt")


def ids_of(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        cache[path] = {el["id"] for el in soup.find_all(id=True)} | {a["name"] for a in soup.find_all("a", attrs={"name": True})}
    return cache[path]


def resolve(site: Path, page: Path, href: str) -> tuple[Path, str]:
    url, fragment = urldefrag(href)
    if not url:
        target = page
    else:
        target = (page.parent / unquote(url)).resolve() if not url.startswith("/") else site / unquote(url).lstrip("/")
        if target.is_dir() or url.endswith("/"):
            target = target / "index.html"
    return target, fragment


def _is_state(fragment: str) -> bool:
    """An example link's #invoer= state: base64url JSON of an object, as calculator.js reads it."""
    import base64
    import json

    data = fragment.removeprefix("invoer=")
    try:
        state = json.loads(base64.urlsafe_b64decode(data + "=" * (-len(data) % 4)).decode("utf-8"))
    except ValueError:
        return False
    return isinstance(state, dict) and bool(state)


def test_every_internal_link_and_anchor_resolves(site):
    cache: dict[Path, set[str]] = {}
    broken = []
    for page in html_pages(site) + [site / "404.html"]:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for a in soup.find_all("a", href=True):
            href = a["href"]
            parts = urlsplit(href)
            if parts.scheme or href.startswith("//"):
                continue  # external (https:, mailto:): links, not requests
            target, fragment = resolve(site, page, href)
            if fragment.startswith("invoer="):  # a calculator state, not an anchor: it must decode
                if not _is_state(fragment) or not target.exists():
                    broken.append(f"{page.relative_to(site)} -> {href} (unreadable state)")
                continue
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {href} (no file)")
            elif fragment and target.suffix == ".html" and fragment not in ids_of(target, cache):
                broken.append(f"{page.relative_to(site)} -> {href} (no anchor)")
    assert broken == []


def test_no_link_points_to_a_bare_hash(site):
    offenders = []
    for page in html_pages(site):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        offenders += [f"{page.relative_to(site)}: {a}" for a in soup.find_all("a", href="#")]
    assert offenders == []


def stable_urls() -> list[str]:
    lines = STABLE_URLS.read_text(encoding="utf-8").splitlines()
    return [l.strip() for l in lines if l.strip() and not l.startswith("#")]


def test_every_committed_public_url_and_anchor_still_resolves(site):
    cache: dict[Path, set[str]] = {}
    missing = []
    for url in stable_urls():
        target, fragment = resolve(site, site / "index.html", url)
        if not target.exists():
            missing.append(url)
        elif fragment and fragment not in ids_of(target, cache):
            missing.append(url)
    assert missing == []


def test_every_norm_has_a_committed_permalink():
    """A new norm must be added to stable_urls.txt, so its link is guarded from then on."""
    from build_scripts.norms import collect

    committed = set(stable_urls())
    absent = [n.id for n in collect() if f"/{n.url}" not in committed or f"/normen/#{n.id}" not in committed]
    assert absent == []
