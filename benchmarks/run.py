"""What visitors wait for, measured the same way every time (``make bench``; not part of make test).

Builds the site, serves it on loopback with benchmarks/static_server.py (precompressed files,
cache headers), and drives Chromium with Playwright. For every calculator page, over RUNS runs:
time to form visible and to pre-rendered result (first contentful paint: both are in the HTML),
time to the first result computed in the browser, cold (fresh context) and warm (second visit in
the same context); recompute latency over CHANGES input changes; bytes transferred as served
(compressed) per calculator page and per text page, and Pyodide bytes on text pages; the full
build time. A baseline page that loads the same Pyodide files the plain documented way (a script
tag and loadPyodide on the main thread at start, then the same wheel and the same calculator) runs
in the same session, interleaved with ours, so figures compare as ratios on a noisy machine.

Writes benchmarks/results/latest.json, benchmarks/results/latest.md and docs/prestaties.md.
Usage: .venv/bin/python -m benchmarks.run [--runs N] [--changes N] [--no-build]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from playwright.sync_api import sync_playwright

from build_scripts.calculator_pages import PAGES
from zorgcalc.registry import load

from .static_server import serve

ROOT = Path(__file__).resolve().parent.parent
SITE = ROOT / "site"
RESULTS = ROOT / "benchmarks" / "results"
TEXT_PAGES = ["/", "/handvatten/4-ordentelijk-contracteerproces/", "/acm/samenwerken-in-de-zorgsector/",
              "/nma/informatiekaart-zorgverzekeraars/", "/normen/", "/rekenhulpen/"]

BASELINE = """<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Baseline</title>
<script src="/assets/engine/{pyodide}pyodide.js"></script></head><body><h1>Baseline</h1><pre id="out"></pre>
<script>
(async () => {{
  const py = await loadPyodide({{ indexURL: "/assets/engine/{pyodide}" }});
  await py.loadPackage("/assets/engine/{wheel}");
  const out = py.runPython(`from zorgcalc.web import run_json\\nrun_json("deadlines", '{inputs}')`);
  document.getElementById("out").textContent = out;
  performance.mark("zorgcalc:first-result");
}})();
</script></body></html>"""


def stats(values: list[float]) -> dict:
    if not values:
        return {}
    ordered = sorted(values)
    return {"median": statistics.median(ordered), "min": ordered[0], "max": ordered[-1],
            "p95": ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))], "n": len(ordered)}


def timed_build() -> float:
    started = time.perf_counter()
    subprocess.run(["make", "build"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return time.perf_counter() - started


def mark(page, name: str) -> float | None:
    return page.evaluate(f"(performance.getEntriesByName('{name}')[0] || {{}}).startTime || null")


def visit(page, url: str, keep: bool = False) -> dict:
    """One visit: milliseconds since navigation start to first paint and to the first computed result."""
    sizes: list[int] = []

    def record(req) -> None:
        try:
            sizes.append(req.sizes()["responseBodySize"])
        except Exception:  # the page closed before the size was known
            pass

    page.on("requestfinished", record)
    page.goto(url)
    page.wait_for_function("performance.getEntriesByName('zorgcalc:first-result').length > 0", timeout=180_000)
    fcp = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null")
    result = {"fcp_ms": fcp, "first_result_ms": mark(page, "zorgcalc:first-result"), "bytes": sum(sizes)}
    if not keep:
        page.close()  # one Pyodide at a time, as a visitor has
    return result


def recompute_latencies(page, changes: int) -> list[list[float]]:
    """Per input change, measured in the page: [ms until the new result is in the page (the
    zc:result event), ms until the frame that shows it has been rendered]. The next change waits
    for that frame, as a visitor's next click would."""
    return page.evaluate(
        """async (changes) => {
          const root = document.querySelector('.zc-calculator');
          const fields = [...root.querySelectorAll('.zc-form input[type=radio], .zc-form input[type=checkbox]')]
            .filter((el) => !el.closest('[hidden]') && !el.closest('details:not([open])'));
          const out = [];
          for (let i = 0; i < changes; i++) {
            const el = fields[i % fields.length];
            const done = new Promise((res) => root.addEventListener('zc:result', (e) => res(e.detail), { once: true }));
            const t0 = performance.now();
            el.checked = el.type === 'radio' ? true : !el.checked;
            el.dispatchEvent(new Event('change', { bubbles: true }));
            await done;
            const inPage = performance.now() - t0;
            await new Promise((res) => requestAnimationFrame(() => setTimeout(res, 0)));
            out.push([inPage, performance.now() - t0]);
          }
          return out;
        }""", changes)


def text_page_bytes(browser, base: str) -> list[dict]:
    out = []
    for path in TEXT_PAGES:
        context = browser.new_context()
        page = context.new_page()
        sizes, engine = [], []
        page.on("requestfinished", lambda req: (sizes.append(req.sizes()["responseBodySize"]),
                                                "/assets/engine/" in req.url and engine.append(req.url)))
        page.goto(base + path, wait_until="networkidle")
        out.append({"page": path, "bytes": sum(sizes), "pyodide_requests": len(engine)})
        context.close()
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--changes", type=int, default=200)
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--only", help="measure only this calculator id (and the baseline)")
    args = parser.parse_args()

    build_seconds = None if args.no_build else timed_build()
    engine = json.loads((SITE / "assets/engine/engine.json").read_text(encoding="utf-8"))
    default_inputs = json.dumps(load("deadlines").DEFAULT_INPUTS).replace("'", "\\'")
    baseline = BASELINE.format(pyodide=engine["pyodide"], wheel=engine["wheel"], inputs=default_inputs)
    base, httpd = serve(SITE, {"/_bench/baseline/": baseline.encode()})

    targets = [("baseline", "/_bench/baseline/")] + [(p.calculator, f"/rekenhulpen/{p.slug}/") for p in PAGES
                                                     if not args.only or p.calculator == args.only]
    raw: dict[str, dict[str, list]] = {name: {"cold": [], "warm": [], "fcp": [], "bytes": []} for name, _ in targets}
    latencies: dict[str, list[list[float]]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for run in range(args.runs):
            for name, path in targets:  # interleaved: every run visits the baseline and every page
                context = browser.new_context()
                cold = visit(context.new_page(), base + path)
                warm = visit(context.new_page(), base + path)
                raw[name]["cold"].append(cold["first_result_ms"])
                raw[name]["warm"].append(warm["first_result_ms"])
                raw[name]["fcp"].append(cold["fcp_ms"])
                raw[name]["bytes"].append(cold["bytes"])
                if run == 0 and name != "baseline":
                    page = context.new_page()
                    visit(page, base + path, keep=True)
                    latencies[name] = recompute_latencies(page, args.changes)
                    page.close()
                context.close()
            print(f"run {run + 1}/{args.runs} done", file=sys.stderr)
        texts = text_page_bytes(browser, base)
        browser.close()
    httpd.shutdown()

    base_cold = statistics.median(raw["baseline"]["cold"])
    base_warm = statistics.median(raw["baseline"]["warm"])
    report = {
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version(),
                    "pyodide": engine["pyodide_version"]},
        "runs": args.runs, "changes": args.changes,
        "build_seconds": build_seconds,
        "baseline": {"cold_ms": stats(raw["baseline"]["cold"]), "warm_ms": stats(raw["baseline"]["warm"]),
                     "bytes": statistics.median(raw["baseline"]["bytes"])},
        "calculators": {},
        "text_pages": texts,
    }
    for name, _ in targets[1:]:
        cold, warm = stats(raw[name]["cold"]), stats(raw[name]["warm"])
        report["calculators"][name] = {
            "fcp_ms": stats([v for v in raw[name]["fcp"] if v is not None]),
            "cold_ms": cold, "warm_ms": warm,
            "cold_ratio": cold["median"] / base_cold, "warm_ratio": warm["median"] / base_warm,
            "recompute_ms": stats([v[0] for v in latencies.get(name, [])]),
            "recompute_to_frame_ms": stats([v[1] for v in latencies.get(name, [])]),
            "bytes": statistics.median(raw[name]["bytes"]),
        }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    md = markdown(report)
    (RESULTS / "latest.md").write_text(md, encoding="utf-8")
    (ROOT / "docs" / "prestaties.md").write_text(prestaties_page(md, report), encoding="utf-8")
    print(md)
    return 0


def ms(s: dict, key: str = "median") -> str:
    return f"{s[key] / 1000:.2f} s" if s else "–"


def markdown(r: dict) -> str:
    lines = [
        f"Machine: {r['machine']['platform']}, {r['machine']['cpus']} cores; Pyodide {r['machine']['pyodide']}; "
        f"{r['runs']} runs per page, {r['changes']} input changes per page.",
        "",
        "| Rekenhulp | eerste weergave (formulier en voorbeelduitkomst) | eerste uitkomst in de browser, koud | warm | koud / baseline | warm / baseline | herberekening p50 | p95 | tot op het scherm p50 | p95 | bytes (gecomprimeerd) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    slugs = {p.calculator: p.slug for p in PAGES}
    for name, c in r["calculators"].items():
        rc, rf = c["recompute_ms"], c["recompute_to_frame_ms"]
        lines.append(
            f"| [{name}](rekenhulpen/{slugs[name]}.md) | {ms(c['fcp_ms'])} | {ms(c['cold_ms'])} ({ms(c['cold_ms'], 'min')}–{ms(c['cold_ms'], 'max')}) | "
            f"{ms(c['warm_ms'])} ({ms(c['warm_ms'], 'min')}–{ms(c['warm_ms'], 'max')}) | {c['cold_ratio']:.2f} | {c['warm_ratio']:.2f} | "
            f"{rc['median']:.1f} ms | {rc['p95']:.1f} ms | {rf['median']:.1f} ms | {rf['p95']:.1f} ms | {c['bytes']:,.0f} |")
    b = r["baseline"]
    lines += ["", f"Baseline (loadPyodide op de hoofdthread bij het laden, dezelfde bestanden): koud {ms(b['cold_ms'])} "
              f"({ms(b['cold_ms'], 'min')}–{ms(b['cold_ms'], 'max')}), warm {ms(b['warm_ms'])} "
              f"({ms(b['warm_ms'], 'min')}–{ms(b['warm_ms'], 'max')}), {b['bytes']:,.0f} bytes.", "",
              "| Tekstpagina | bytes (gecomprimeerd) | Pyodide-verzoeken |", "|---|---|---|"]
    for t in r["text_pages"]:
        lines.append(f"| `{t['page']}` | {t['bytes']:,} | {t['pyodide_requests']} |")
    if r["build_seconds"] is not None:
        lines += ["", f"Volledige bouw (`make build`, met normenregister, wheel en site): {r['build_seconds']:.1f} s."]
    return "\n".join(lines) + "\n"


def prestaties_page(md: str, r: dict) -> str:
    return (
        "# Prestaties\n\n"
        "<!-- GENERATED by benchmarks/run.py (make bench). Do not edit by hand. -->\n\n"
        "Hoe lang een bezoeker wacht, gemeten op de gebouwde site met een echte browser (Chromium via Playwright), "
        "steeds op dezelfde manier. Ter vergelijking draait in dezelfde sessie, afgewisseld met de rekenhulpen, een "
        "baseline: een pagina die dezelfde Pyodide-bestanden op de gewone gedocumenteerde manier laadt (loadPyodide op "
        "de hoofdthread bij het laden). Omdat de meetmachine niet stil is, tellen vooral de verhoudingen.\n\n"
        "- **Eerste weergave**: het formulier en de voorbeelduitkomst staan in de HTML en zijn dus zichtbaar bij de eerste weergave.\n"
        "- **Eerste uitkomst in de browser**: vanaf het openen van de pagina tot de eerste uitkomst die Python in uw browser berekende. "
        "Koud: eerste bezoek, lege cache. Warm: tweede bezoek.\n"
        "- **Herberekening**: van een gewijzigd antwoord tot de nieuwe uitkomst in de pagina; **tot op het scherm**: "
        "tot en met de weergave waarin die uitkomst getekend is (inclusief het wachten op de volgende beeldverversing: "
        "tot 16,7 ms bij 60 Hz).\n"
        "- **Bytes**: wat een eerste bezoek overdraagt zoals de server het verstuurt (gecomprimeerd), inclusief "
        "Pyodide en de vooraf gemaakte momentopname van het geheugen waarmee de rekenhulp start.\n\n"
        + md +
        "\nOpnieuw meten: `make bench` (bouwt de site, meet, en schrijft deze pagina en `benchmarks/results/latest.json`).\n"
        + loadtest_section()
    )


def loadtest_section() -> str:
    """The load test's section (make loadtest, benchmarks/loadtest.py), kept when make bench rewrites the page."""
    saved = RESULTS / "loadtest.md"
    return saved.read_text(encoding="utf-8") if saved.exists() else ""


if __name__ == "__main__":
    raise SystemExit(main())
