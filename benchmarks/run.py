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

Every figure is taken per network profile (benchmarks/network.py: loopback, "kabel", "4G",
"traag" and 4G with a 4x slower CPU), the baseline and our pages interleaved within each run. On
loopback every calculator page is measured; on the other profiles the deadlines page (the largest)
beside the baseline, which keeps a full run near a quarter of an hour.

Writes benchmarks/results/latest.json, benchmarks/results/latest.md and docs/prestaties.md (the
chart of ratios per profile is drawn from latest.json at build time: build_scripts/bench_chart.py).
Usage: .venv/bin/python -m benchmarks.run [--runs N] [--changes N] [--no-build] [--profiles a,b]
Environment: BENCH_PROFILES=loopback,4G (a reduced set), BENCH_RUNS=N (runs per profile),
BENCH_CHANGES=N (input changes for the recompute latency), BENCH_SITE=dir (another built site),
BENCH_CONFIG='{"start": "snapshot"}' (window.zorgcalcConfig for our pages, to compare ways of starting).
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

from .network import ByteCounter, CpuThrottle, Profile, selected
from .static_server import serve

ROOT = Path(__file__).resolve().parent.parent
SITE = Path(os.environ.get("BENCH_SITE", ROOT / "site"))  # another built site to measure (A/B)
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


def visit(context, url: str, profile: Profile, keep: bool = False):
    """One visit under a profile: milliseconds since navigation start to first paint and to the first
    computed result, bytes as delivered by the emulated line, and how our page started."""
    page = context.new_page()
    counter = ByteCounter(context, page, profile)
    with CpuThrottle(profile.cpu_slowdown):
        page.goto(url, timeout=300_000)
        page.wait_for_function("performance.getEntriesByName('zorgcalc:first-result').length > 0",
                               timeout=300_000, polling=100)
    page.wait_for_timeout(200)  # the losing start's last bytes (it is stopped at once)
    fcp = page.evaluate("(performance.getEntriesByName('first-contentful-paint')[0] || {}).startTime || null")
    started = page.evaluate("(document.querySelector('.zc-calculator') || {getAttribute: () => null})"
                            ".getAttribute('data-from-snapshot')")
    result = {"fcp_ms": fcp, "first_result_ms": mark(page, "zorgcalc:first-result"), "bytes": counter.total(),
              "files": counter.by_file(), "from_snapshot": started}
    if not keep:
        page.close()  # one Pyodide at a time, as a visitor has
        return result
    return result, page


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


def measure_profile(browser, base: str, profile: Profile, targets, runs: int, changes: int) -> dict:
    raw = {name: {"cold": [], "warm": [], "fcp": [], "bytes": [], "files": [], "snapshot": []} for name, _ in targets}
    latencies: dict[str, list[list[float]]] = {}
    for run in range(runs):
        for name, path in targets:  # interleaved: every run visits the baseline and every page
            context = browser.new_context()
            if os.environ.get("BENCH_CONFIG"):  # e.g. {"start": "snapshot"}: window.zorgcalcConfig, to compare ways
                context.add_init_script(f"window.zorgcalcConfig = {os.environ['BENCH_CONFIG']};")
            cold = visit(context, base + path, profile)
            warm = visit(context, base + path, profile)
            raw[name]["cold"].append(cold["first_result_ms"])
            raw[name]["warm"].append(warm["first_result_ms"])
            raw[name]["fcp"].append(cold["fcp_ms"])
            raw[name]["bytes"].append(cold["bytes"])
            raw[name]["files"].append(cold["files"])
            raw[name]["snapshot"].append([cold["from_snapshot"], warm["from_snapshot"]])
            if run == 0 and changes and name != "baseline":
                _, page = visit(context, base + path, profile, keep=True)
                latencies[name] = recompute_latencies(page, changes)
                page.close()
            context.close()
        print(f"{profile.name}: run {run + 1}/{runs} done", file=sys.stderr)
    base_cold = statistics.median(raw["baseline"]["cold"])
    base_warm = statistics.median(raw["baseline"]["warm"])
    base_bytes = statistics.median(raw["baseline"]["bytes"])
    out = {"label": profile.label, "conditions": profile.conditions(), "cpu_slowdown": profile.cpu_slowdown,
           "runs": runs,
           "baseline": {"cold_ms": stats(raw["baseline"]["cold"]), "warm_ms": stats(raw["baseline"]["warm"]),
                        "bytes": base_bytes, "files": raw["baseline"]["files"][0]},
           "calculators": {}}
    for name, _ in targets[1:]:
        cold, warm = stats(raw[name]["cold"]), stats(raw[name]["warm"])
        out["calculators"][name] = {
            "fcp_ms": stats([v for v in raw[name]["fcp"] if v is not None]),
            "cold_ms": cold, "warm_ms": warm,
            "cold_ratio": cold["median"] / base_cold, "warm_ratio": warm["median"] / base_warm,
            "recompute_ms": stats([v[0] for v in latencies.get(name, [])]),
            "recompute_to_frame_ms": stats([v[1] for v in latencies.get(name, [])]),
            "bytes": statistics.median(raw[name]["bytes"]),
            "bytes_ratio": statistics.median(raw[name]["bytes"]) / base_bytes,
            "files": raw[name]["files"][0],
            "from_snapshot": raw[name]["snapshot"],
        }
    return out


def load_average() -> list[float] | None:
    try:
        return [float(v) for v in Path("/proc/loadavg").read_text().split()[:3]]
    except OSError:
        return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", 5)))
    parser.add_argument("--changes", type=int, default=int(os.environ.get("BENCH_CHANGES", 200)))
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--only", help="measure only this calculator id (and the baseline)")
    parser.add_argument("--report-only", action="store_true",
                        help="only write latest.md and the Prestaties page again from latest.json")
    parser.add_argument("--profiles", default=os.environ.get("BENCH_PROFILES", ""),
                        help="comma-separated profile names (benchmarks/network.py); default all")
    args = parser.parse_args()
    profiles = selected(args.profiles)
    if args.report_only:
        report = json.loads((RESULTS / "latest.json").read_text(encoding="utf-8"))
        md = markdown(report)
        (RESULTS / "latest.md").write_text(md, encoding="utf-8")
        (ROOT / "docs" / "prestaties.md").write_text(prestaties_page(md, report), encoding="utf-8")
        return 0

    build_seconds = None if args.no_build else timed_build()
    engine = json.loads((SITE / "assets/engine/engine.json").read_text(encoding="utf-8"))
    default_inputs = json.dumps(load("deadlines").DEFAULT_INPUTS).replace("'", "\\'")
    baseline = BASELINE.format(pyodide=engine["pyodide"], wheel=engine["wheel"], inputs=default_inputs)
    base, httpd = serve(SITE, {"/_bench/baseline/": baseline.encode()})

    every = [("baseline", "/_bench/baseline/")] + [(p.calculator, f"/rekenhulpen/{p.slug}/") for p in PAGES
                                                   if not args.only or p.calculator == args.only]
    report = {
        "machine": {"platform": platform.platform(), "cpus": os.cpu_count(), "python": platform.python_version(),
                    "pyodide": engine["pyodide_version"], "load_before": load_average()},
        "runs": args.runs, "changes": args.changes, "config": os.environ.get("BENCH_CONFIG"),
        "build_seconds": build_seconds,
        "profiles": {},
    }
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
                                     args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        for profile in profiles:
            targets = every if profile.name == "loopback" else [t for t in every if t[0] in ("baseline", "deadlines")]
            changes = args.changes if profile.name == "loopback" else 0
            report["profiles"][profile.name] = measure_profile(browser, base, profile, targets, args.runs, changes)
        report["text_pages"] = text_page_bytes(browser, base)
        browser.close()
    httpd.shutdown()
    report["machine"]["load_after"] = load_average()
    if "loopback" in report["profiles"]:  # the per-calculator table
        report["baseline"] = report["profiles"]["loopback"]["baseline"]
        report["calculators"] = report["profiles"]["loopback"]["calculators"]

    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    md = markdown(report)
    (RESULTS / "latest.md").write_text(md, encoding="utf-8")
    (ROOT / "docs" / "prestaties.md").write_text(prestaties_page(md, report), encoding="utf-8")
    print(md)
    return 0


def ms(s: dict, key: str = "median") -> str:
    return f"{s[key] / 1000:.2f} s" if s else "–"


def mb(n: float) -> str:
    return f"{n / 1e6:.2f} MB"


def started_from(c: dict) -> str:
    """How the cold visits started: from the snapshot or plain (measureLine in zorgcalc-worker.js)."""
    cold = [v[0] for v in c.get("from_snapshot", [])]
    return f"{cold.count('true')}× momentopname, {cold.count('false')}× gewoon" if cold else "–"


def profile_table(r: dict) -> list[str]:
    lines = [
        "| Profiel | koud: wij | koud: baseline | koud / baseline | warm: wij | warm: baseline | warm / baseline | "
        "bytes wij | bytes baseline | bytes / baseline | start (koud) |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, prof in r["profiles"].items():
        c, b = prof["calculators"].get("deadlines") or next(iter(prof["calculators"].values())), prof["baseline"]
        lines.append(
            f"| {prof['label']} | {ms(c['cold_ms'])} | {ms(b['cold_ms'])} | **{c['cold_ratio']:.2f}** | "
            f"{ms(c['warm_ms'])} | {ms(b['warm_ms'])} | {c['warm_ratio']:.2f} | {mb(c['bytes'])} | {mb(b['bytes'])} | "
            f"{c['bytes_ratio']:.2f} | {started_from(c)} |")
    return lines


def markdown(r: dict) -> str:
    m = r["machine"]
    load = (f"; belasting (load average 1/5/15 min) voor {m['load_before']}, na {m['load_after']}"
            if m.get("load_before") else "")
    lines = [
        f"Machine: {m['platform']}, {m['cpus']} cores{load}; Pyodide {m['pyodide']}; "
        f"{r['runs']} runs per profiel (mediaan), {r['changes']} invoerwijzigingen per pagina.",
        "",
        "### Per netwerkprofiel (termijnen-rekenhulp naast de baseline)",
        "",
        "![Eerste uitkomst, koud en warm, als verhouding tot de baseline per netwerkprofiel]"
        "(assets/images/prestaties-profielen.svg)",
        "",
        *profile_table(r),
    ]
    if r.get("calculators"):
        lines += [
            "",
            "### Per rekenhulp (loopback)",
            "",
            "| Rekenhulp | eerste weergave (formulier en voorbeelduitkomst) | eerste uitkomst in de browser, koud | warm | koud / baseline | warm / baseline | herberekening p50 | p95 | tot op het scherm p50 | p95 | bytes (gecomprimeerd) |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        slugs = {p.calculator: p.slug for p in PAGES}
        for name, c in r["calculators"].items():
            rc, rf = c["recompute_ms"], c["recompute_to_frame_ms"]
            rec = (f"{rc['median']:.1f} ms | {rc['p95']:.1f} ms | {rf['median']:.1f} ms | {rf['p95']:.1f} ms" if rc
                   else "– | – | – | –")
            lines.append(
                f"| [{name}](rekenhulpen/{slugs[name]}.md) | {ms(c['fcp_ms'])} | {ms(c['cold_ms'])} ({ms(c['cold_ms'], 'min')}–{ms(c['cold_ms'], 'max')}) | "
                f"{ms(c['warm_ms'])} ({ms(c['warm_ms'], 'min')}–{ms(c['warm_ms'], 'max')}) | {c['cold_ratio']:.2f} | {c['warm_ratio']:.2f} | "
                f"{rec} | {c['bytes']:,.0f} |")
        b = r["baseline"]
        lines += ["", f"Baseline (loadPyodide op de hoofdthread bij het laden, dezelfde bestanden): koud {ms(b['cold_ms'])} "
                  f"({ms(b['cold_ms'], 'min')}–{ms(b['cold_ms'], 'max')}), warm {ms(b['warm_ms'])} "
                  f"({ms(b['warm_ms'], 'min')}–{ms(b['warm_ms'], 'max')}), {b['bytes']:,.0f} bytes."]
    lines += ["", "| Tekstpagina | bytes (gecomprimeerd) | Pyodide-verzoeken |", "|---|---|---|"]
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
        "Pyodide en de vooraf gemaakte momentopname van het geheugen waarmee de rekenhulp start.\n"
        "- **Netwerkprofielen**: Chromium bootst de lijn na (DevTools-netwerkemulatie: bandbreedte en vertraging per "
        "verzoek, ook voor de worker waarin Python draait). Het telefoonprofiel vertraagt bovendien het hele "
        "renderproces van de browser vier keer, voor de baseline en voor ons gelijk.\n"
        "- **Start**: de rekenhulp meet tijdens het laden hoe snel de bestanden binnenkomen die elke start nodig heeft, "
        "en haalt de momentopname alleen op als het downloaden ervan naar verwachting minder tijd kost dan die "
        "momentopname bespaart; anders start Python gewoon. De kolom zegt welke start bij de koude bezoeken gekozen werd.\n\n"
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
