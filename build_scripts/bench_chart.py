"""The Prestaties page's chart, drawn at build time (``make generate``) from the last recorded
``make bench`` (benchmarks/results/latest.json): per network profile, the first computed result
cold and warm as a ratio to the plain-Pyodide baseline, as bars against the line at 1 (as fast as
the baseline). Writes docs/assets/images/prestaties-profielen.svg (generated, not committed).

Plain SVG: no script, no external font or file, so it passes the site's Content-Security-Policy;
every bar also carries its number as text, and <title>/<desc> say what the chart shows.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results" / "latest.json"
OUT = ROOT / "docs" / "assets" / "images" / "prestaties-profielen.svg"

# Narrow on purpose: each profile's name stands above its bars, so the drawing is as wide as a
# phone's column (343 px at 375 px) and its 13 px text stays about 12 px there instead of the 5 px
# a wide chart with the names beside the bars shrank to; on a wide screen it keeps its own size.
WIDTH, LEFT, RIGHT, TOP, BAR, GAP = 360, 8, 44, 40, 18, 2
LABEL = 20  # the profile's name, above its two bars
ROW = LABEL + 2 * BAR + GAP + 16
MAX_RATIO = 1.6
COLD, WARM = "#1a4f8a", "#5b82b8"  # both at least 3:1 against white (WCAG 1.4.11); named in words too


def rows(report: dict) -> list[tuple[str, float, float]]:
    out = []
    for prof in report.get("profiles", {}).values():
        calcs = prof.get("calculators") or {}
        c = calcs.get("deadlines") or (next(iter(calcs.values())) if calcs else None)
        if c:
            out.append((prof["label"], c["cold_ratio"], c["warm_ratio"]))
    return out


def svg(data: list[tuple[str, float, float]]) -> str:
    height = TOP + max(1, len(data)) * ROW + 40
    scale = (WIDTH - LEFT - RIGHT) / MAX_RATIO

    def x(ratio: float) -> float:
        return LEFT + min(ratio, MAX_RATIO) * scale

    desc = "; ".join(f"{label}: koud {cold:.2f}, warm {warm:.2f}" for label, cold, warm in data) or "nog geen metingen"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" '
        f'role="img" aria-labelledby="t d" font-family="sans-serif" font-size="13">',
        '<title id="t">Eerste uitkomst als verhouding tot gewone Pyodide, per netwerkprofiel</title>',
        f'<desc id="d">Lager is sneller; 1 is even snel als de baseline. {escape(desc)}.</desc>',
        '<rect width="100%" height="100%" fill="#fff"/>',
        f'<rect x="{LEFT}" y="10" width="12" height="12" fill="{COLD}"/><text x="{LEFT + 18}" y="21">koud (eerste bezoek)</text>',
        f'<rect x="{LEFT + 170}" y="10" width="12" height="12" fill="{WARM}"/><text x="{LEFT + 188}" y="21">warm (tweede bezoek)</text>',
    ]
    bottom = TOP + max(1, len(data)) * ROW
    for tick in (0, 0.5, 1.0, 1.5):
        tx = x(tick)
        dash = "" if tick == 1.0 else ' stroke-dasharray="3 3"'
        parts.append(f'<line x1="{tx:.1f}" y1="{TOP - 6}" x2="{tx:.1f}" y2="{bottom}" stroke="#555"{dash}/>')
        anchor = "start" if tick == 0 else "middle"
        parts.append(f'<text x="{tx:.1f}" y="{bottom + 16}" text-anchor="{anchor}">{tick:g}×</text>')
    parts.append(f'<text x="{x(1.0):.1f}" y="{bottom + 32}" text-anchor="middle">baseline</text>')
    for i, (label, cold, warm) in enumerate(data):
        y = TOP + i * ROW
        # a white backing keeps the name readable where it crosses the grid lines
        parts.append(f'<text x="{LEFT}" y="{y + LABEL - 6}" paint-order="stroke" stroke="#fff" stroke-width="4">{escape(label)}</text>')
        for j, (ratio, colour) in enumerate(((cold, COLD), (warm, WARM))):
            by = y + LABEL + j * (BAR + GAP)
            parts.append(f'<rect x="{LEFT}" y="{by}" width="{x(ratio) - LEFT:.1f}" height="{BAR}" fill="{colour}"/>')
            parts.append(f'<text x="{x(ratio) + 4:.1f}" y="{by + BAR - 4}">{ratio:.2f}</text>')
    if not data:
        parts.append(f'<text x="{LEFT}" y="{TOP + 20}">Nog geen metingen per profiel (make bench).</text>')
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def main() -> int:
    report = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(svg(rows(report)), encoding="utf-8")
    print(f"bench chart: {len(rows(report))} profiles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
