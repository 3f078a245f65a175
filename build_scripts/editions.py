"""Editions of the sources, the validity of their norms, frozen edition pages and the changes
between editions (editions/editions.yml).

URL scheme (docs-dev/architecture.md, "Editions"):

- the current edition of a source keeps the stable URLs it has today (``/handvatten/4-…/#richtsnoer-5``,
  ``/normen/#richtsnoer-5``): they always show the newest text;
- every edition of a source with ``freeze: true`` is also published under a frozen URL,
  ``/handvatten/editie-<date>/<page>/#<id>``, whose text never changes; the current edition's frozen
  pages are made from docs/, an earlier edition's from its copy in ``editions/<source>/<date>/``;
- a norm withdrawn in a new edition keeps its box on the current page, with the field
  ``Ingetrokken`` (the edition's date) and the old text, so its permalinks keep resolving;
- the changes (added, changed, withdrawn) between consecutive editions feed the change page and
  the Atom feed; a changed norm's difference is shown word by word.
"""

from __future__ import annotations

import datetime as dt
import difflib
import html
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

import yaml

ROOT = Path(__file__).resolve().parent.parent
EDITIONS_DIR = ROOT / "editions"
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
          "oktober", "november", "december")


def dutch_date(day: dt.date | None) -> str:
    """1 maart 2026."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}" if day else "onbekend"


@dataclass(frozen=True)
class Edition:
    source: str  # source key in editions.yml
    date: dt.date | None
    label: str
    valid_from: dt.date | None
    recorded: dt.date
    source_title: str = ""

    @property
    def key(self) -> str:
        return f"{self.source}-{self.date.isoformat() if self.date else 'zonder-datum'}"


@dataclass(frozen=True)
class Source:
    key: str
    title: str
    publisher: str
    pages: str  # a docs/ folder ("handvatten/") or one page
    editions: tuple[Edition, ...]  # newest first
    freeze: bool = False
    restates_regulation: bool = False

    @property
    def current(self) -> Edition:
        return self.editions[0]

    def holds(self, page: str) -> bool:
        return page.startswith(self.pages) if self.pages.endswith("/") else page == self.pages

    def frozen_folder(self, edition: Edition) -> str:
        """docs-relative folder of an edition's frozen pages, e.g. handvatten/editie-2026-03-01/."""
        return f"{self.pages}editie-{edition.date.isoformat()}/"


@dataclass(frozen=True)
class Change:
    kind: str  # toegevoegd | gewijzigd | ingetrokken
    norm_id: str
    title: str
    edition: Edition
    before: str | None  # the text in the previous edition
    after: str | None


def load(root: Path = ROOT) -> dict[str, Source]:
    data = yaml.safe_load((root / "editions" / "editions.yml").read_text(encoding="utf-8"))
    out = {}
    for key, s in data.items():
        eds = tuple(Edition(key, e.get("date"), e["label"], e.get("valid_from"), e["recorded"],
                            f"{s['title']} ({s['publisher']})") for e in s["editions"])
        out[key] = Source(key, s["title"], s["publisher"], s["pages"], eds,
                          bool(s.get("freeze")), bool(s.get("restates_regulation")))
    return out


def source_of(page: str, sources: dict[str, Source]) -> Source | None:
    return next((s for s in sources.values() if s.holds(page)), None)


def is_frozen_page(page: str) -> bool:
    """A generated page of a frozen edition (never a norm's current home)."""
    return "/editie-" in f"/{page}"


def valid_from(norm, source: Source) -> dt.date | None:
    """The date from which a norm holds, where known: its edition's, unless it restates another
    instrument whose own date the site does not know."""
    if source.restates_regulation and norm.kind == "regelgeving":
        return None
    return source.current.valid_from


def archived_norms(source: Source, edition: Edition, root: Path = ROOT) -> dict[str, object]:
    """id -> Norm of an earlier edition, parsed from its copy in editions/<source>/<date>/."""
    from .norms import _parser, parse_page

    folder = root / "editions" / source.key / edition.date.isoformat()
    md = _parser()
    found = {}
    for path in sorted(folder.glob("*.md")):
        for n in parse_page(md, path, folder)[0]:
            found[n.id] = n
    return found


def _withdrawn(norm) -> bool:
    return bool(getattr(norm, "withdrawn", None))


def changes(norms: Iterable, sources: dict[str, Source], root: Path = ROOT) -> tuple[list[Change], list[str]]:
    """Every change between consecutive editions, newest first, and the problems found (an id of
    an earlier edition that the current pages no longer hold)."""
    norms = list(norms)
    out: list[Change] = []
    problems: list[str] = []
    for source in sources.values():
        current = {n.id: n for n in norms if source.holds(n.page)}
        states = [current] + [archived_norms(source, e, root) for e in source.editions[1:]]
        for i, edition in enumerate(source.editions):
            newer = states[i]
            older = states[i + 1] if i + 1 < len(states) else {}
            for nid, n in newer.items():
                before = older.get(nid)
                if before is None:
                    out.append(Change("toegevoegd", nid, n.title, edition, None, n.text))
                elif _withdrawn(n) and not _withdrawn(before):
                    out.append(Change("ingetrokken", nid, n.title, edition, before.text, None))
                elif n.text != before.text and not _withdrawn(n):
                    out.append(Change("gewijzigd", nid, n.title, edition, before.text, n.text))
            for nid in sorted(set(older) - set(newer)):
                problems.append(f"{source.pages}: norm '{nid}' uit een eerdere editie staat niet meer op de "
                                f"pagina's; laat het kader staan met het veld 'Ingetrokken'")
    out.sort(key=lambda c: (c.edition.recorded, c.edition.date or dt.date.min), reverse=True)
    return out, problems


def word_diff(before: str, after: str) -> str:
    """HTML of the difference, word by word: removed words in <del>, added words in <ins>."""
    a, b = before.split(), after.split()
    parts: list[str] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            parts.append(html.escape(" ".join(a[i1:i2])))
        if op in ("delete", "replace"):
            parts.append(f"<del>{html.escape(' '.join(a[i1:i2]))}</del>")
        if op in ("insert", "replace"):
            parts.append(f"<ins>{html.escape(' '.join(b[j1:j2]))}</ins>")
    return " ".join(parts)


_LINK = re.compile(r"\]\((?!https?:|#|/|mailto:)([^)\s]+)")


def _frozen_markdown(text: str, banner: str) -> str:
    """A page as its frozen copy: one folder deeper (links out of the edition get one more ../),
    no tags (the tag index lists current pages) and out of the site search, a banner first."""
    body = text
    front = ""
    if text.startswith("---\n"):
        end = text.index("\n---\n", 4)
        body = text[end + 5:]
    front = "---\nsearch:\n  exclude: true\n---\n"

    def relink(m: re.Match) -> str:
        target = m.group(1)
        return "](" + (f"../{target}" if target.startswith("../") else target)

    body = _LINK.sub(relink, body)
    # the schema.org data of the current norms is not this edition's
    body = "\n".join(line for line in body.split("\n") if not line.startswith('--8<-- "jsonld/'))
    lines = body.split("\n")
    h1 = next((k for k, line in enumerate(lines) if line.startswith("# ")), -1)
    lines.insert(h1 + 1, "\n" + banner + "\n")
    return front + "\n".join(lines)


def _banner(source: Source, edition: Edition, page: str) -> str:
    current = edition == source.current
    name = page.rsplit("/", 1)[-1]
    here = f"[de actuele pagina](../{name})"
    state = ("Dit is ook de huidige editie." if current else
             f"Er is een nieuwere editie: {source.current.label}.")
    return ("/// note | Bevroren editie\n"
            f"Dit is de tekst van {source.title} ({source.publisher}), {edition.label}, zoals deze site die "
            f"publiceerde. Deze pagina verandert niet meer. {state} De nieuwste tekst staat op {here}.\n///")


def freeze(docs: Path, sources: dict[str, Source], root: Path = ROOT) -> list[Path]:
    """Write every frozen edition's pages into docs/ (generated, not committed)."""
    written = []
    for source in sources.values():
        if not source.freeze:
            continue
        for old in (docs / source.pages).glob("editie-*"):
            shutil.rmtree(old)
        for edition in source.editions:
            origin = (docs / source.pages if edition == source.current
                      else root / "editions" / source.key / edition.date.isoformat())
            target = docs / source.frozen_folder(edition)
            target.mkdir(parents=True, exist_ok=True)
            for page in sorted(origin.glob("*.md")):
                rel = f"{source.pages}{page.name}"
                out = target / page.name
                out.write_text(_frozen_markdown(page.read_text(encoding="utf-8"), _banner(source, edition, rel)),
                               encoding="utf-8")
                written.append(out)
    return written


def new_edition(root: Path, key: str, date: dt.date, label: str, valid_from: dt.date | None,
                recorded: dt.date) -> Path:
    """Start a source's next edition: keep the current pages as the previous edition's frozen copy
    (editions/<source>/<old date>/) and put the new edition first in editions.yml. The editor then
    edits the pages: a changed norm keeps its id, a new one gets a new id, a withdrawn one keeps its
    box with the field ``Ingetrokken``. Returns the folder of the kept copy."""
    source = load(root)[key]
    old = source.current
    keep = root / "editions" / key / old.date.isoformat()
    keep.mkdir(parents=True, exist_ok=True)
    for page in sorted((root / "docs" / source.pages).glob("*.md")):
        shutil.copy2(page, keep / page.name)
    config = root / "editions" / "editions.yml"
    text = config.read_text(encoding="utf-8")
    block = text.index(f"\n{key}:\n")
    at = text.index("  editions:\n", block) + len("  editions:\n")
    entry = (f"    - date: {date.isoformat()}\n      label: {label}\n"
             f"      valid_from: {valid_from.isoformat() if valid_from else 'null'}\n"
             f"      recorded: {recorded.isoformat()}\n")
    config.write_text(text[:at] + entry + text[at:], encoding="utf-8")
    return keep
