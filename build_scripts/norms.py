"""Collect, validate and publish every norm box in docs/.

Run as ``python -m build_scripts.norms`` (``make generate`` does). It parses every Markdown page
with markdown-it-py, collects each norm box (a ``/// regelgeving|richtsnoer|streefdatum | Title``
block, see docs/legenda.md), validates it, and writes:

- ``docs/normen/index.md``: the norm register page (generated, not committed);
- ``docs/normen/norms.json``: the same data for machines (schema: docs/normen/norms.schema.json).

The build fails (exit 1, one line per problem) when a box has no id or a duplicate id, an unknown
kind, no source, an unknown metadata field, a title that does not say its kind in words, or when
its page lacks the tags for the kinds and actors it holds.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Iterable

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from . import official
from .editions import is_frozen_page

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
REGISTER_MD = DOCS / "normen" / "index.md"
NORMS_JSON = DOCS / "normen" / "norms.json"
SCHEMA_VERSION = "1.2"

# kind -> the word the box title must start with, and how the register names it
NORM_KINDS: dict[str, str] = {
    "regelgeving": "Regelgeving",
    "richtsnoer": "Richtsnoer",
    "streefdatum": "Streefdatum",
}
# Other block types allowed in pages; they are not norms.
OTHER_BLOCKS = ("note", "info", "warning")
META_FIELDS = {"Bron": "source", "Wie": "actor", "Contractering": "form", "Termijn": "deadline",
               "Wettekst": "statute", "Uitleg": "guidance", "Open punt": "open_points", "Ingetrokken": "withdrawn", "Id": "id"}
REQUIRED_META = ("Bron", "Wie", "Id")
ACTORS = ("zorgverzekeraar", "zorgaanbieder", "brancheorganisatie")
ID_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
BLOCK_LINE_RE = re.compile(r"^///\s*(\S+)?")


@dataclass
class Norm:
    id: str
    kind: str
    kind_label: str
    title: str
    text: str  # the verbatim norm text as Markdown (paragraphs and lists before the metadata)
    source: str
    actor: str  # as written in the box
    actors: list[str]  # normalised: zorgverzekeraar / zorgaanbieder / brancheorganisatie
    form: str | None
    deadline: str | None
    page: str  # docs-relative path of the page, e.g. handvatten/4-ordentelijk-contracteerproces.md
    url: str  # site-relative URL of the box, e.g. handvatten/4-ordentelijk-contracteerproces/#richtsnoer-5
    statute: str | None = None  # a paraphrase's binding text: the orange box it restates ("Wettekst")
    guidance: str | None = None  # a statute box's paraphrase by a source ("Uitleg")
    open_points: str | None = None  # the site's open points on this norm ("Open punt")
    withdrawn: str | None = None  # the edition that withdrew it ("Ingetrokken"); the box stays for its permalinks
    line: int = field(default=0, compare=False)


class NormError(Exception):
    pass


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark").enable("table")
    for kind in (*NORM_KINDS, *OTHER_BLOCKS):
        container_plugin(
            md, kind, marker="/",
            validate=lambda params, markup, k=kind: params.strip().split("|")[0].strip() == k,
        )
    deflist_plugin(md)
    front_matter_plugin(md)
    return md


def page_url(page: str) -> str:
    """Site-relative URL of a docs page with MkDocs' directory URLs."""
    stem = page[:-3]
    if stem == "index":
        return ""
    if stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def _inline_text(tokens: list[Token]) -> str:
    return "".join(t.content for t in tokens if t.type == "inline").strip()


def _src(lines: list[str], start: int, end: int) -> str:
    return "\n".join(lines[start:end]).strip()


def normalise_actors(actor: str) -> list[str]:
    text = actor.lower()
    return [a for a in ACTORS if a in text]


def _matching_close(tokens: list, i: int, kind: str) -> int:
    """Index of the token that closes the norm box opened at `i` (boxes may nest)."""
    depth, j = 0, i
    while j < len(tokens):
        if tokens[j].type == f"container_{kind}_open":
            depth += 1
        elif tokens[j].type == f"container_{kind}_close":
            depth -= 1
            if depth == 0:
                break
        j += 1
    return j


def _metadata(inner: list, level: int, who: str, problems: list[str]) -> tuple[dict[str, str], int | None]:
    """A box's definition list (term -> text) and the line where it starts, which ends the norm text."""
    meta: dict[str, str] = {}
    text_end = None
    k = 0
    while k < len(inner):
        t = inner[k]
        if t.type == "dl_open" and t.level == level:
            text_end = t.map[0] if t.map else None
        if t.type == "dt_open":
            term = _inline_text(inner[k + 1 : k + 4])
            close = next(n for n in range(k, len(inner)) if inner[n].type == "dd_close")
            dd_open = next(n for n in range(k, close) if inner[n].type == "dd_open")
            if term in meta:
                problems.append(f"{who} heeft het veld '{term}' twee keer")
            meta[term] = _inline_text(inner[dd_open:close])
            k = close
        k += 1
    return meta, text_end


def _unknown_blocks(lines: list[str], rel: str) -> list[str]:
    """A block kind the site does not know (a typo in '/// regelgeving') would render as plain text."""
    known = (*NORM_KINDS, *OTHER_BLOCKS)
    return [f"{rel}:{no}: onbekende soort blok '{m.group(1)}' (bekend: {', '.join(known)})"
            for no, line in enumerate(lines, 1)
            if (m := BLOCK_LINE_RE.match(line)) and m.group(1) and m.group(1) not in known]


def parse_page(md: MarkdownIt, path: Path, docs: Path = DOCS) -> tuple[list[Norm], list[str], dict]:
    """Norm boxes of one page, the problems found, and the page's front matter."""
    rel = path.relative_to(docs).as_posix()
    source = path.read_text(encoding="utf-8")
    lines = source.split("\n")
    problems = _unknown_blocks(lines, rel)

    tokens = md.parse(source)
    front: dict = {}
    norms: list[Norm] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok.type == "front_matter":
            front = yaml.safe_load(tok.content) or {}
        kind = next((k for k in NORM_KINDS if tok.type == f"container_{k}_open"), None)
        if kind is None:
            i += 1
            continue
        j = _matching_close(tokens, i, kind)
        inner = tokens[i + 1 : j]
        line_no = (tok.map[0] + 1) if tok.map else 0
        where = f"{rel}:{line_no}"
        title = tok.info.split("|", 1)[1].strip() if "|" in tok.info else ""
        options: dict = {}
        if inner and inner[0].type == "code_block":
            options = yaml.safe_load(inner[0].content) or {}
        attrs = options.get("attrs", {}) or {}
        classes = str(attrs.get("class", "")).split()
        i = j + 1
        if "voorbeeld" in classes:
            continue  # an example box in the legend, not a norm
        nid = str(attrs.get("id", "")).strip()
        if not nid:
            problems.append(f"{where}: normkader zonder id (zet 'attrs: {{id: ...}}' onder de kop)")
            continue
        if not ID_RE.match(nid):
            problems.append(f"{where}: id '{nid}' mag alleen kleine letters, cijfers en streepjes bevatten")
        label = NORM_KINDS[kind]
        if not title.startswith(label):
            problems.append(f"{where}: de kop van '{nid}' moet met '{label}' beginnen, zodat de soort in woorden staat")

        # metadata: the definition list; text: everything before it (minus the options block)
        text_start = (inner[0].map[1] if inner and inner[0].type == "code_block" and inner[0].map else tok.map[0] + 1)
        meta, text_end = _metadata(inner, tok.level + 1, f"{where}: '{nid}'", problems)
        for term in meta:
            if term not in META_FIELDS:
                problems.append(f"{where}: '{nid}' heeft een onbekend veld '{term}' (bekend: {', '.join(META_FIELDS)})")
        for term in REQUIRED_META:
            if not meta.get(term):
                problems.append(f"{where}: '{nid}' mist het veld '{term}'")
        if meta.get("Id") and meta["Id"] != f"[{nid}](#{nid} \"Vaste link naar deze norm\")":
            problems.append(f"{where}: het veld Id van '{nid}' moet een link naar #{nid} zijn")
        close_line = tok.map[1] - 1 if tok.map else len(lines)
        text = _src(lines, text_start, text_end if text_end is not None else close_line)
        if not text:
            problems.append(f"{where}: '{nid}' heeft geen normtekst")
        actors = normalise_actors(meta.get("Wie", ""))
        if meta.get("Wie") and not actors:
            problems.append(f"{where}: 'Wie' van '{nid}' noemt geen bekende partij ({', '.join(ACTORS)})")
        norms.append(Norm(
            id=nid, kind=kind, kind_label=label, title=title, text=text,
            source=meta.get("Bron", ""), actor=meta.get("Wie", ""), actors=actors,
            form=meta.get("Contractering"), deadline=meta.get("Termijn"),
            statute=meta.get("Wettekst"), guidance=meta.get("Uitleg"), open_points=meta.get("Open punt"),
            withdrawn=meta.get("Ingetrokken"),
            page=rel, url=f"{page_url(rel)}#{nid}", line=line_no,
        ))

    # page tags must name every kind and actor of the norms on the page
    tags = set(front.get("tags") or [])
    needed = {n.kind for n in norms} | {a for n in norms for a in n.actors}
    missing = sorted(needed - tags)
    if missing:
        problems.append(f"{rel}: de pagina mist de tags {', '.join(missing)} voor de normen die erop staan")
    return norms, problems, front


def nav_pages(config: Path = ROOT / "mkdocs.yml") -> list[str]:
    """Docs-relative page paths in the order of the site navigation."""
    nav = yaml.safe_load(config.read_text(encoding="utf-8")).get("nav", [])
    pages: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, str):
            pages.append(node)
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)

    walk(nav)
    return pages


def _nav_order(page: str, pages: list[str]) -> tuple[int, str]:
    return (pages.index(page) if page in pages else len(pages), page)


def collect(docs: Path = DOCS) -> list[Norm]:
    """Every norm box in docs/, validated; raises NormError listing every problem."""
    md = _parser()
    norms: list[Norm] = []
    problems: list[str] = []
    generated = {(docs / "normen" / name).resolve() for name in ("index.md", "wijzigingen.md")}
    config = docs.parent / "mkdocs.yml"
    order = nav_pages(config if config.exists() else ROOT / "mkdocs.yml")
    for path in sorted(docs.rglob("*.md"), key=lambda p: _nav_order(p.relative_to(docs).as_posix(), order)):
        if path.resolve() in generated or is_frozen_page(path.relative_to(docs).as_posix()):
            continue
        page_norms, page_problems, _ = parse_page(md, path, docs)
        norms += page_norms
        problems += page_problems
    seen: dict[str, Norm] = {}
    for n in norms:
        if n.id in seen:
            first = seen[n.id]
            problems.append(f"{n.page}:{n.line}: id '{n.id}' bestaat al ({first.page}:{first.line})")
        else:
            seen[n.id] = n
    problems += official.check(norms)
    if problems:
        raise NormError("\n".join(problems))
    return norms


def _cell(text: str | None) -> str:
    return (text or "–").replace("|", "\\|").replace("\n", " ")


def actor_column(norm: Norm) -> str:
    """'beide' for insurer and provider; any other party stays named, so the filter finds it."""
    rest = [a for a in norm.actors if a not in ("zorgverzekeraar", "zorgaanbieder")]
    if set(norm.actors) >= {"zorgverzekeraar", "zorgaanbieder"}:
        return ", ".join(["beide", *rest])
    return ", ".join(norm.actors)


def short_title(norm: Norm) -> str:
    """The box title without its kind word ("Regelgeving · "), which the register shows in its own column."""
    prefix, sep, rest = norm.title.partition(" · ")
    return rest if sep and prefix == norm.kind_label else norm.title


def register_markdown(norms: Iterable[Norm]) -> str:
    norms = list(norms)
    counts = {k: sum(1 for n in norms if n.kind == k) for k in NORM_KINDS}
    out = [
        "---",
        "title: Normenregister",
        "hide:",
        "  - navigation",
        "  - toc",
        "---",
        "",
        "<!-- GENERATED by build_scripts/norms.py (make generate). Do not edit: edit the norm boxes in docs/. -->",
        "",
        "# Normenregister",
        "",
        f"Alle {len(norms)} normen op deze site: {counts['regelgeving']} regelgeving (oranje), "
        f"{counts['richtsnoer']} richtsnoeren (groen) en {counts['streefdatum']} streefdatum. "
        "Elke id is een vaste link: `/normen/#id` wijst naar de regel hieronder, die doorlinkt naar het kader. "
        "Dezelfde gegevens staan in [norms.json](norms.json) ([schema](schema.md)).",
        "",
        "| Id | Soort | Norm | Wie | Contractering | Termijn | Bron |",
        "|---|---|---|---|---|---|---|",
    ]
    for n in norms:
        link = f"[{n.id}](../{n.page}#{n.id}){{#{n.id} .norm-register-id}}"
        kind = f'<span class="soort-{n.kind}">{n.kind_label}</span>'
        out.append("| " + " | ".join([
            link, kind, ("**Ingetrokken** · " if n.withdrawn else "") + _cell(short_title(n)), _cell(actor_column(n)), _cell(n.form), _cell(n.deadline), _cell(n.source),
        ]) + " |")
    from .coverage import coverage_markdown

    out += coverage_markdown(norms)
    out += ["", "Deze pagina is gegenereerd uit de normkaders op de site en wordt bij elke bouw opnieuw gemaakt.", ""]
    return "\n".join(out)


def norms_json(norms: Iterable[Norm], records: dict[str, dict]) -> str:
    """norms.json: every box's own fields, and what norm_records adds (edition, validity, citation)."""
    data = {
        "schema_version": SCHEMA_VERSION,
        "generator": "build_scripts/norms.py",
        "norms": [
            {k: v for k, v in asdict(n).items() if k != "line"} | {"actor_summary": actor_column(n)} | records[n.id]
            for n in norms
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def main(root: Path = ROOT) -> int:
    """Validate every box, then write the frozen edition pages, the register, norms.json and the feed."""
    from . import changes_page, editions, embed_kit, feed, jsonld, norm_records

    docs = root / "docs"
    sources = editions.load(root)
    editions.freeze(docs, sources, root)
    try:
        norms = collect(docs)
        records, found, problems = norm_records.records(norms, sources, root / "mkdocs.yml", root)
        problems += jsonld.write(norms, records, root / "build" / "snippets", docs)
        if problems:
            raise NormError("\n".join(problems))
    except NormError as exc:
        print("Normkaders ongeldig; de bouw stopt:", file=sys.stderr)
        print(exc, file=sys.stderr)
        return 1
    register = docs / "normen" / "index.md"
    register.parent.mkdir(parents=True, exist_ok=True)
    register.write_text(register_markdown(norms), encoding="utf-8")
    (docs / "normen" / "norms.json").write_text(norms_json(norms, records), encoding="utf-8")
    (docs / "normen" / "wijzigingen.md").write_text(changes_page.markdown(found, norms), encoding="utf-8")
    (docs / "normen" / "feed.xml").write_text(feed.atom(found, records, root / "mkdocs.yml"), encoding="utf-8")
    embed_kit.write(norms, records, docs, root / "build" / "snippets", root / "mkdocs.yml")
    counts = {k: sum(1 for n in norms if n.kind == k) for k in NORM_KINDS}
    print(f"{len(norms)} normen: " + ", ".join(f"{v} {k}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
