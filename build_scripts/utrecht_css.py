"""Publish the NL Design System form styles the calculators use (issue 15) from the site's own
origin: the minified CSS of the Utrecht component packages pinned in package.json
(``@utrecht/*-css``, npm, EUPL-1.2) concatenated from node_modules into one generated file,
docs/assets/stylesheets/utrecht-forms.css (not committed). Only pages that hold a calculator link
it (overrides/main.html, and the embed pages of calculator_pages.py), before calculator.css, which
sets the design tokens these rules read.

Run as ``python -m build_scripts.utrecht_css`` (``make generate`` does).
"""

from __future__ import annotations

import json

from .generated import write_if_changed
from .norms import ROOT

NPM = ROOT / "node_modules" / "@utrecht"
OUT = ROOT / "docs" / "assets" / "stylesheets" / "utrecht-forms.css"
# one package per form part forms.py marks up; the order is the packages' own (field, then its parts)
PACKAGES = ("form-field-css", "form-label-css", "form-field-description-css", "form-field-error-message-css",
            "form-fieldset-css", "textbox-css", "radio-button-css", "checkbox-css", "button-css", "alert-css")


def stylesheet() -> str:
    parts = []
    for name in PACKAGES:
        meta = json.loads((NPM / name / "package.json").read_text(encoding="utf-8"))
        css = (NPM / name / "dist" / "index.min.css").read_text(encoding="utf-8").strip()
        # the minified files drop the licence header of dist/index.css: it is named here again
        parts.append(f"/* {meta['name']} {meta['version']} ({meta['license']}, (c) Frameless B.V. and Gemeente "
                     f"Utrecht) */\n{css}\n")
    return "".join(parts)


def main() -> int:
    text = stylesheet()
    write_if_changed(OUT, text)
    print(f"utrecht css: {len(PACKAGES)} packages, {len(text) // 1024} KB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
