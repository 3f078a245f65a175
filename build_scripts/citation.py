"""The Dutch citation of a norm, as the "Citeer" action copies it and norms.json carries it.

Form: source and section (the box's ``Bron``), edition, the norm (id, title, force in words), the
site and the permalink, and the date it was read:

    Handvatten Zorgcontractering (NZa, 1 maart 2026), § 4.6.1, richtsnoer 5; editie: derde versie,
    1 maart 2026. Norm richtsnoer-5, "onderdelen van de offerte uiterlijk 1 september" (richtsnoer,
    niet bindend). Zorgcontractering & mededinging, https://…/handvatten/4-…/#richtsnoer-5

The page appends ", geraadpleegd op <datum>." with the day the reader copies it; norms.json holds
the citation without it (a file cannot know when it is read).
"""

from __future__ import annotations

import re

# How a citation says a norm's force, in words (binding and non-binding never share a word).
FORCE = {
    "regelgeving": "regelgeving, bindend",
    "richtsnoer": "richtsnoer, niet bindend",
    "streefdatum": "streefdatum, geen termijn",
}
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
_EMPHASIS = re.compile(r"(\*\*|\*|_)(.+?)\1")


def plain(markdown: str) -> str:
    """Markdown of a metadata field as plain text: a link to another site keeps its address."""
    text = _LINK.sub(lambda m: f"{m.group(1)} ({m.group(2)})" if m.group(2).startswith("http") else m.group(1),
                     markdown)
    return _EMPHASIS.sub(r"\2", text).replace("\n", " ").strip()


def citation(norm, title: str, edition_label: str, site_name: str, permalink: str,
             frozen_url: str | None = None) -> str:
    """The citation of one norm, without the "geraadpleegd op" the page adds."""
    edition = f"; editie: {edition_label}"
    frozen = f" (deze editie: {frozen_url})" if frozen_url else ""
    withdrawn = f", ingetrokken: {plain(norm.withdrawn)}" if norm.withdrawn else ""
    return (f"{plain(norm.source).rstrip('.')}{edition}. Norm {norm.id}, “{plain(title)}” "
            f"({FORCE[norm.kind]}{withdrawn}). {site_name}, {permalink}{frozen}")
