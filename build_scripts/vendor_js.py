"""Publish the one browser library the calculators use from the site's own origin: morphdom
(npm, MIT, pinned in package.json), which updates a shown result in place, so a recompute lays
out and shapes only what changed instead of the whole result (issue 16: recompute to the frame).
Copied from node_modules to docs/assets/javascripts/vendor/morphdom.min.js (not committed) with
its licence named; only pages that hold a calculator load it (calculator_pages.py).

Run as ``python -m build_scripts.vendor_js`` (``make generate`` does).
"""

from __future__ import annotations

import json

from .generated import write_if_changed
from .norms import ROOT

PACKAGE = ROOT / "node_modules" / "morphdom"
OUT = ROOT / "docs" / "assets" / "javascripts" / "vendor" / "morphdom.min.js"


def script() -> str:
    meta = json.loads((PACKAGE / "package.json").read_text(encoding="utf-8"))
    code = (PACKAGE / "dist" / "morphdom-umd.min.js").read_text(encoding="utf-8").strip()
    return f"/* morphdom {meta['version']} ({meta['license']}, (c) Patrick Steele-Idem) */\n{code}\n"


def main() -> int:
    text = script()
    write_if_changed(OUT, text)
    print(f"vendor js: morphdom, {len(text) // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
