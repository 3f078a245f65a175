"""Text helpers shared by the content tests: turning built HTML and extracted source text into
comparable, whitespace-normalised plain text."""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup

# The extracted source texts, kept in the repository (sources/README.md says what each one is).
SOURCES = Path(__file__).resolve().parents[2] / "sources"

# Extraction artefacts in the sources (see sources/README.md): words split by the PDF.
# The site publishes the repaired word; the comparison repairs the source the same way.
SPLIT_WORDS = {
    "Richt snoer": "Richtsnoer",
    "volgen s": "volgens",
    "aanta l": "aantal",
    "zorgverzekeraar s": "zorgverzekeraars",
    "zorgaanbieder s": "zorgaanbieders",
    "vaststelle n": "vaststellen",
    "landelij k": "landelijk",
    "denk sessies": "denksessies",
    "reactie termijn": "reactietermijn",
}
# Sources whose line breaks hyphenate words ("onderhan-\ndelingen"); elsewhere a dash at a line end
# is a real dash ("-waaronder volumenormen-", "medisch-specialistische").
HYPHENATED_SOURCES = {"vws-brief-consortia-2014"}
# Parts of the extracted sources that are deliberately not published (not text of the source
# document itself): the cookie banner of acm.nl, the table of contents with page numbers, the
# e-mail address the web page had obfuscated, and the second copy of the NMa card's text.
NOT_PUBLISHED = [
    re.compile(r"^Acm\.nl gebruikt cookies"),
    re.compile(r"^Lees meer over cookies$"),
    re.compile(r"^Inhoudsopgave$"),
    re.compile(r"^\d(\.\d)* .+ \d{1,2}$"),  # a table-of-contents line ending in a page number
    re.compile(r"\[(punt|at|dot)\]"),
    re.compile(r"^Informatiekaart samenwerking zorgverzekeraars www\.nma\.nl\.$"),
]


def published(sentence: str) -> bool:
    return not any(p.search(sentence) for p in NOT_PUBLISHED)


BLOCK_END = re.compile(r"</(p|li|h[1-6]|td|th|dd|dt|div|ul|ol|tr|table|summary|details)>", re.I)


def normalise(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("…", "...")
    return re.sub(r"\s+", " ", text).strip()


def source_text(name: str, keep_lines: bool = False) -> str:
    """sources/<name>.txt, with its extraction artefacts repaired, as plain normalised text.

    With keep_lines, a line break before a capital letter (a heading, a new line of the NMa card)
    is kept as a newline so that units can be split there."""
    path = SOURCES / f"{name}.txt"
    assert path.is_file(), f"source text {path} not found"
    text = path.read_text(encoding="utf-8")
    if name in HYPHENATED_SOURCES:  # words broken over two lines by the letter's layout
        text = re.sub(r"([a-z])-\n([a-z])", r"\1\2", text)
    text = re.sub(r"^[ \t]*(?:•|-(?: (?:\d|[a-z])(?= ))?)[ \t]+", "", text, flags=re.M)  # list markers
    text = text.replace("**", "").replace("*", "")
    text = re.sub(r"\[([^\]]+)\]\(#\)", r"\1", text)  # links whose target was lost
    text = text.replace("\\(", "(").replace("\\)", ")")
    for broken, whole in SPLIT_WORDS.items():
        text = re.sub(rf"\b{re.escape(broken)}\b", whole, text)
    if keep_lines:
        parts = re.split(r"\n\s*(?=[A-Z0-9‘(.])", text)
        return "\n".join(normalise(p) for p in parts if p.strip())
    return normalise(text)


def html_text(html: str, element_id: str | None = None) -> str:
    """Visible text of a built page's article (or of one element), blocks separated by spaces."""
    soup = BeautifulSoup(BLOCK_END.sub(lambda m: m.group(0) + " ", html), "html.parser")
    if element_id is not None:
        node = soup.find(id=element_id)
        if node is None:
            return ""
    else:
        node = soup.select_one("article") or soup
    for tag in node.select(".headerlink, script, style"):
        tag.decompose()
    return normalise(node.get_text(""))


SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9‘'\"(«•-])")


def sentences(text: str) -> list[str]:
    """Sentences of a text; newlines (kept by source_text(keep_lines=True)) also end a unit."""
    units = []
    for line in text.split("\n"):
        units += [s.strip() for s in SENTENCE_END.split(normalise(line)) if len(s.strip()) > 3]
    return units


def variants(sentence: str) -> list[str]:
    """Ways the same sentence may legitimately stand on the site: as is; without a leading
    footnote number; with a word that the PDF broke over two lines ("waar- onder") joined,
    with or without its hyphen ("waaronder", "medisch-specialistische")."""
    out = [sentence, re.sub(r"^\d+ ", "", sentence)]
    out.append(re.sub(r"(\w)- (\w)", r"\1\2", sentence))
    out.append(re.sub(r"(\w)- (\w)", r"\1-\2", sentence))
    out.append(re.sub(r"(\w)- (\w)", lambda m: m.group(1) + m.group(2), re.sub(r"medisch- ", "medisch-", sentence)))
    return out


def on_site(sentence: str, site_text: str) -> bool:
    return any(v in site_text for v in variants(sentence))
