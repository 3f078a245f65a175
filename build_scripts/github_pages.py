"""The GitHub Pages variant of the built site (``make pages``, .github/workflows/pages.yml).

GitHub Pages sets no response headers of ours, so the Content-Security-Policy travels in a
``<meta http-equiv="Content-Security-Policy">`` tag in every HTML page, with the Referrer-Policy
as ``<meta name="referrer">``. Both values come from the ``/*`` rule of deploy/_headers (the same
header set as deploy/nginx.conf), not from a third hand-written copy. Directives that browsers
ignore in a meta tag (and warn about in the console) are left out: frame-ancestors, report-uri,
report-to, sandbox. A meta policy only governs what comes after it, so the tags go first in
``<head>`` (after ``<meta charset>`` when that comes first: it loads nothing).

The copy leaves out the precompressed ``.br``/``.gz`` files (GitHub compresses itself) and gets
a ``.nojekyll`` file. OUT is replaced on every run, but only if it holds an earlier output.

Usage: python -m build_scripts.github_pages SITE OUT   (make pages: site/ to site-pages/)
"""

from __future__ import annotations

import re
import shutil
import sys
from html.parser import HTMLParser
from pathlib import Path

from .norms import ROOT

HEADERS_FILE = ROOT / "deploy" / "_headers"
# Ignored in a <meta> policy by the CSP specification; Chromium logs a console error for each.
META_IGNORED = frozenset({"frame-ancestors", "report-uri", "report-to", "sandbox"})
PRECOMPRESSED = (".br", ".gz")
MARKER = ".nojekyll"


def header_rules(text: str) -> dict[str, dict[str, str]]:
    """The rules of a _headers file: path pattern -> {lower-case header name: value}.

    Comment lines and "! Name" lines (which remove a header an earlier rule set) are skipped."""
    rules: dict[str, dict[str, str]] = {}
    current: dict[str, str] | None = None
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if not line[0].isspace():
            current = rules.setdefault(stripped, {})
        elif current is not None and not stripped.startswith("!") and ":" in stripped:
            name, value = stripped.split(":", 1)
            current[name.strip().lower()] = value.strip()
    return rules


def meta_policy(policy: str) -> str:
    """`policy` without the directives a <meta> policy may not carry, in the same order."""
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    return "; ".join(d for d in directives if d.split()[0].lower() not in META_IGNORED)


def pages_policy(rules: dict[str, dict[str, str]]) -> str:
    """The one meta policy for every page: the ``/*`` policy without the ignored directives.

    Raises ValueError when another rule's policy differs in more than those directives, because
    a single static copy cannot give some paths a different policy."""
    policy = meta_policy(rules["/*"]["content-security-policy"])
    for path, headers in rules.items():
        other = headers.get("content-security-policy")
        if other is not None and meta_policy(other) != policy:
            raise ValueError(f"deploy/_headers: the policy for {path} differs from /* beyond "
                             f"{', '.join(sorted(META_IGNORED))}; GitHub Pages cannot vary it by path")
    return policy


def attribute(value: str) -> str:
    """`value` escaped for a double-quoted HTML attribute (single quotes kept readable)."""
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")


def meta_tags(rules: dict[str, dict[str, str]]) -> str:
    """The tags that stand in for the response headers: CSP, then the referrer policy."""
    everywhere = rules["/*"]
    return (f'<meta http-equiv="Content-Security-Policy" content="{attribute(pages_policy(rules))}">'
            f'<meta name="referrer" content="{attribute(everywhere["referrer-policy"])}">')


class _HeadFinder(HTMLParser):
    """Finds where <head> opens, its first element, and counts existing CSP meta tags."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self._line_starts = [0] + [i + 1 for i, c in enumerate(html) if c == "\n"]
        self.head_end: int | None = None  # offset just after the <head> start tag
        self.first_child: tuple[str, dict[str, str | None], int] | None = None  # tag, attrs, end offset
        self.csp_metas = 0

    def _offset(self) -> int:
        line, column = self.getpos()
        return self._line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "meta" and (attributes.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp_metas += 1
        end = self._offset() + len(self.get_starttag_text() or "")
        if tag == "head" and self.head_end is None:
            self.head_end = end
        elif self.head_end is not None and self.first_child is None:
            self.first_child = (tag, attributes, end)


def insertion_point(html: str) -> int:
    """Where the meta tags go: right after <head>, or after <meta charset> if that comes first.

    Raises ValueError for a page without a <head> tag or with a CSP meta tag already."""
    finder = _HeadFinder(html)
    finder.feed(html)
    finder.close()
    if finder.head_end is None:
        raise ValueError("no <head> start tag")
    if finder.csp_metas:
        raise ValueError("the page has a Content-Security-Policy meta tag already")
    child = finder.first_child
    if child is not None and child[0] == "meta" and "charset" in child[1]:
        return child[2]
    return finder.head_end


def add_meta_tags(html: str, tags: str) -> str:
    """`html` with `tags` first in its <head>; every other byte unchanged."""
    at = insertion_point(html)
    return html[:at] + tags + html[at:]


def is_precompressed(path: Path) -> bool:
    """A .br or .gz copy that build_scripts.precompress wrote next to its original."""
    return path.suffix in PRECOMPRESSED and path.with_suffix("").is_file()


# The engine files published uncompressed (stored) for hosts that send their .br/.gz copies with
# Content-Encoding: the memory snapshot, the trimmed standard library and the calculators' wheel
# (build_scripts/engine.py). GitHub Pages sends such files as they are, so there each is its .gz
# copy (the worker unpacks it); the uncompressed file and its .br copy stay out.
GZIPPED = re.compile(r"(\.snapshot|/stdlib-[0-9a-f]+/python_stdlib\.zip|/zorgcalc-[^/&\"]+\.whl)(?=&quot;|&#34;|\")")


def gzipped_on_pages(path: Path) -> bool:
    """An engine file GitHub Pages publishes as its .gz copy, or that file's .br copy."""
    name = path.as_posix().removesuffix(".br")
    return bool(GZIPPED.search(name + '"')) and Path(name + ".gz").is_file()


def is_gzip_copy_kept(path: Path) -> bool:
    return path.name.endswith(".gz") and gzipped_on_pages(path.with_suffix(""))


def copy_site(site: Path, out: Path) -> None:
    """Copy `site` to `out` (which must not exist) without the precompressed copies and source maps."""
    def ignore(folder: str, names: list[str]) -> set[str]:
        # GitHub Pages cannot refuse a path, so the theme's source maps are left out instead
        return {name for name in names
                if name.endswith(".map") or gzipped_on_pages(Path(folder) / name)
                or (is_precompressed(Path(folder) / name) and not is_gzip_copy_kept(Path(folder) / name))}
    shutil.copytree(site, out, ignore=ignore)
    for manifest in out.rglob("engine.json"):  # the pages' inlined copies: in build() below
        manifest.write_text(GZIPPED.sub(r"\1.gz", manifest.read_text(encoding="utf-8")), encoding="utf-8")


def check_output_folder(site: Path, out: Path) -> str | None:
    """Why `out` may not be (re)written, or None: it must be apart from `site` and, if it
    exists, hold an earlier output (the .nojekyll marker), so nothing else is ever deleted."""
    site, out = site.resolve(), out.resolve()
    if out == site or out in site.parents or site in out.parents:
        return f"{out} overlaps the site folder {site}"
    if out.exists() and any(out.iterdir()) and not (out / MARKER).exists():
        return f"{out} exists and is not an earlier output (no {MARKER}); remove it first"
    return None


def build(site: Path, out: Path, headers_file: Path = HEADERS_FILE) -> int:
    """Write the GitHub Pages variant of `site` to `out`; the number of HTML pages changed."""
    tags = meta_tags(header_rules(headers_file.read_text(encoding="utf-8")))
    if out.exists():
        shutil.rmtree(out)
    copy_site(site, out)
    pages = sorted(out.rglob("*.html"))
    for page in pages:
        try:
            html = GZIPPED.sub(r"\1.gz", page.read_bytes().decode("utf-8"))  # the inlined engine manifest
            page.write_bytes(add_meta_tags(html, tags).encode("utf-8"))
        except ValueError as exc:
            raise ValueError(f"{page.relative_to(out)}: {exc}") from exc
    (out / MARKER).touch()
    return len(pages)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m build_scripts.github_pages SITE OUT", file=sys.stderr)
        return 2
    site, out = Path(args[0]), Path(args[1])
    if not (site / "index.html").exists():
        print(f"github_pages: {site} holds no built site (run make build first)", file=sys.stderr)
        return 1
    problem = check_output_folder(site, out)
    if problem:
        print(f"github_pages: {problem}", file=sys.stderr)
        return 1
    try:
        count = build(site, out)
    except ValueError as exc:
        print(f"github_pages: {exc}", file=sys.stderr)
        return 1
    print(f"github_pages: {count} HTML pages with the CSP meta tag in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
