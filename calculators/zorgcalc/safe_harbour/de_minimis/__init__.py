"""The de-minimis calculator (bagatelvoorziening, Mededingingswet art. 7 and 8), laid out as the
deadlines package:

- ``inputs``     every question declared once, and validation into a typed ``Inputs``;
- ``rules``      one function per legal condition, and what would turn the outcome around;
- ``calculator`` the public module: ``compute``, the verdicts, texts and examples.

The legal values and their references live in ``zorgcalc.safe_harbour.params``.
"""

# The rule functions, importable as zorgcalc.safe_harbour.de_minimis.<name> for the tests that read like the law.
from .rules import (market_share_within_limit, turnover_within_cap,  # noqa: F401
                    undertakings_within_limit)
