"""Official sources of norms: Juriconnect links to wetten.overheid.nl.

A box whose rule rests on a statute links to the article (and lid) of the statute on
wetten.overheid.nl in the Juriconnect form ``https://wetten.overheid.nl/jci1.3:c:BWBR…&artikel=…&lid=…``
(Juriconnect standaard BWB 1.3). The link is written once, in the statute box's ``Bron``; a
paraphrase of a statute (a green box with ``Wettekst`` pointing at that statute box) inherits it.

NZa regulations (TH/NR-038, TH/NR-027, TH/NR-035) are cited by name and number only: no address of
theirs could be verified (docs-dev/domain-rules.md), so none is made up.
"""

from __future__ import annotations

import re
from typing import Iterable, Mapping, Protocol
from urllib.parse import parse_qsl

# BWB identifiers of the statutes the site's norms rest on (wetten.overheid.nl).
BWB_IDS: dict[str, str] = {
    "BWBR0008691": "Mededingingswet",
    "BWBR0018450": "Zorgverzekeringswet",
    "BWBR0020078": "Wet marktordening gezondheidszorg",
    "BWBR0002448": "Algemene termijnenwet",
}
JCI_PREFIX = "https://wetten.overheid.nl/jci1.3:c:"
JCI_RE = re.compile(r"https://wetten\.overheid\.nl/jci[^\s)\"'>]*")
_JCI_FORM = re.compile(r"^https://wetten\.overheid\.nl/jci1\.3:c:(BWBR\d{7})((?:&[a-z]+=[^&\s]+)*)$")
_PARAM_FORMS = {"artikel": re.compile(r"^\d+[a-z]?$"), "lid": re.compile(r"^\d+[a-z]?$"),
                "g": re.compile(r"^\d{4}-\d{2}-\d{2}$"), "z": re.compile(r"^\d{4}-\d{2}-\d{2}$")}
_WETTEKST_TARGET = re.compile(r"\]\([^)#]*#([a-z0-9-]+)\)")


class HasSource(Protocol):
    id: str
    source: str
    statute: str | None


def juriconnect(bwb: str, artikel: str, lid: str | None = None, date: str | None = None) -> str:
    """The Juriconnect address of an article (and lid) of a statute; ``date`` (YYYY-MM-DD) pins
    the version in force on that day (``g=`` and ``z=``), for a norm whose date matters."""
    if bwb not in BWB_IDS:
        raise ValueError(f"onbekend BWB-id {bwb}")
    url = f"{JCI_PREFIX}{bwb}&artikel={artikel}"
    if lid:
        url += f"&lid={lid}"
    if date:
        url += f"&g={date}&z={date}"
    return url


def problems_of(url: str) -> list[str]:
    """Why ``url`` is not a well-formed Juriconnect link to a known statute (empty when it is)."""
    m = _JCI_FORM.match(url)
    if not m:
        return [f"'{url}' is geen Juriconnect-link van de vorm {JCI_PREFIX}BWBR…&artikel=…"]
    bwb, query = m.group(1), m.group(2)
    out = []
    if bwb not in BWB_IDS:
        out.append(f"'{url}': onbekend BWB-id {bwb} (bekend: {', '.join(BWB_IDS)})")
    params = dict(parse_qsl(query.lstrip("&")))
    if "artikel" not in params:
        out.append(f"'{url}': zonder artikel")
    for key, value in params.items():
        form = _PARAM_FORMS.get(key)
        if form is None:
            out.append(f"'{url}': onbekende parameter '{key}'")
        elif not form.match(value):
            out.append(f"'{url}': '{key}={value}' is ongeldig")
    return out


def links_in(text: str) -> list[str]:
    """Every wetten.overheid.nl Juriconnect link in a piece of Markdown."""
    return JCI_RE.findall(text or "")


def statute_target(norm: HasSource) -> str | None:
    """The id of the statute box a paraphrase points at in its ``Wettekst`` field."""
    m = _WETTEKST_TARGET.search(norm.statute or "")
    return m.group(1) if m else None


def official_urls(norms: Iterable[HasSource]) -> dict[str, str]:
    """norm id -> Juriconnect link: a box's own (in ``Bron``), else that of the statute box it restates."""
    norms = list(norms)
    own = {n.id: links[0] for n in norms if (links := links_in(n.source))}
    out = dict(own)
    for n in norms:
        target = statute_target(n)
        if n.id not in out and target in own:
            out[n.id] = own[target]
    return out


def check(norms: Iterable[HasSource], by_id: Mapping[str, HasSource] | None = None) -> list[str]:
    """Problems: a malformed Juriconnect link, or a box that names a statute article in its
    ``Bron`` or ``Wettekst`` without reaching an official link."""
    norms = list(norms)
    urls = official_urls(norms)
    problems: list[str] = []
    for n in norms:
        for url in links_in(n.source):
            problems += [f"'{n.id}': {p}" for p in problems_of(url)]
        rests_on_statute = any(re.search(rf"{name},? artikel", f"{n.source} {n.statute or ''}")
                               for name in BWB_IDS.values())
        if rests_on_statute and n.id not in urls:
            problems.append(f"'{n.id}' noemt een wetsartikel maar heeft geen Juriconnect-link "
                            f"(zet die in de Bron van het wetskader, of verwijs met Wettekst naar dat kader)")
    return problems
