"""What a calculator module declares about itself; everything else follows from it.

A calculator is a module (or the ``calculator`` module of a package) anywhere in ``zorgcalc`` that
defines ``ID`` and ``compute``; zorgcalc/registry.py finds it, and the build makes its form, widget,
embed page, interface page and navigation entry from what it declares
(docs-dev/calculator-contract.md):

- ``ID: str`` and ``DESCRIPTION: str`` (one Dutch line, shown by ``--list``);
- ``PAGE: Page``: where its page lives (docs/rekenhulpen/<slug>.md, authored) and its title;
- ``QUESTIONS: tuple[Section, ...]``: every input, declared once (zorgcalc/questions.py);
- ``VERDICTS: dict[str, Verdict]``: every verdict code with its heading, short label and tone;
- ``compute(inputs: dict) -> dict``: returns a result envelope, raises ``InvalidInput``;
- ``EXAMPLES: list[Example]``: inputs offered on the page as links, and run for the interface page;
- ``DEFAULT_INPUTS: dict``: the inputs whose result is pre-rendered on the page (unanswered: {});
- ``NORM_IDS: frozenset[str]``: every norm id the calculator can cite (a test checks each
  one exists as a norm box on the site, and that outputs never cite an id outside it);
- optionally ``to_text(result) -> str``, ``to_ics(result) -> str`` (the page then offers a
  calendar file) and ``STATUSES`` (row statuses, documented on the interface page).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Tone = Literal["good", "bad", "caution", "neutral"]


@dataclass(frozen=True)
class Example:
    title: str  # Dutch
    inputs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Page:
    """The calculator's page: docs/rekenhulpen/<slug>.md (written by hand: the explanation around
    the widget), its URL /rekenhulpen/<slug>/, and the embed /rekenhulpen/insluiten/<slug>.html."""

    slug: str
    title: str
    order: int  # position in the navigation among the calculators


@dataclass(frozen=True)
class Verdict:
    heading: str  # the result's heading on the page
    label: str  # the verdict in running text (text output, interface page)
    tone: Tone  # drives an icon and a colour; the words carry the meaning
