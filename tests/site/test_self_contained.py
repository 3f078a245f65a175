"""The built site references no resource on another origin (fonts, scripts, styles, images).
The browser test in tests/browser proves the same at run time; this one reads every file."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from ..conftest import html_pages

RESOURCE_ATTRS = {"script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src",
                  "video": "src", "embed": "src", "object": "data"}
FOREIGN = re.compile(r"^(https?:)?//", re.I)


def test_no_page_loads_a_resource_from_another_origin(site):
    offenders = []
    for page in html_pages(site) + [site / "404.html"]:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for tag, attr in RESOURCE_ATTRS.items():
            for el in soup.find_all(tag, attrs={attr: True}):
                if FOREIGN.match(el[attr]):
                    offenders.append(f"{page.relative_to(site)}: <{tag} {attr}={el[attr]}>")
        for link in soup.find_all("link", href=True):
            rel = " ".join(link.get("rel", []))
            if rel in {"canonical", "alternate"}:
                continue  # a name for the page, not a request
            if FOREIGN.match(link["href"]):
                offenders.append(f"{page.relative_to(site)}: <link rel={rel} href={link['href']}>")
    assert offenders == []


def test_no_stylesheet_imports_from_another_origin(site):
    offenders = []
    for css in site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        for m in re.finditer(r"(?:@import\s+(?:url\()?|url\()\s*['\"]?((?:https?:)?//[^'\")\s]+)", text):
            if "www.w3.org/2000/svg" in m.group(1):
                continue  # an SVG namespace inside a data: URI, not a request
            offenders.append(f"{css.relative_to(site)}: {m.group(1)}")
    assert offenders == []


def test_no_web_fonts_from_elsewhere(site):
    for page in html_pages(site):
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
