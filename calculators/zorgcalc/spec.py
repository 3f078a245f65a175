"""What a calculator module declares about itself, for the CLI, the docs and the pages.

A calculator module (e.g. `zorgcalc.deadlines.calculator`) exposes:

- ``ID: str`` and ``DESCRIPTION: str`` (one Dutch line, shown by ``--list``);
- ``compute(inputs: dict) -> dict``: returns a result envelope, raises ``InvalidInput``;
- ``INPUT_FIELDS: list[FieldDoc]``: the documented inputs;
- ``EXAMPLES: list[Example]``: inputs run at build time for the interface page;
- ``DEFAULT_INPUTS: dict``: the inputs whose result is pre-rendered on the page;
- ``NORM_IDS: frozenset[str]``: every norm id the calculator can cite (a test checks each
  one exists as a norm box on the site, and that outputs never cite an id outside it);
- optionally ``to_text(result) -> str`` and ``to_ics(result) -> str``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class FieldDoc:
    name: str
    type: str
    required: bool
    description: str  # Dutch


@dataclass(frozen=True)
class Example:
    title: str  # Dutch
    inputs: dict[str, Any] = field(default_factory=dict)
