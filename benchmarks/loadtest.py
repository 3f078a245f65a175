"""Bounded load test of the nginx recipe on loopback (``make loadtest``; not part of ``make test``).

Starts Debian's nginx with deploy/nginx.conf (as tests/deploy does) on a copy of the built site
with its precompressed files, and sends a mix of page and engine-file requests from 50
concurrent keep-alive connections, for at most 60 s or 20,000 requests, whichever comes first.
Reports requests per second, errors and latency percentiles; writes
benchmarks/results/loadtest.json and .md, and the section of docs/prestaties.md.
Usage: python -m benchmarks.loadtest [--concurrency 50] [--seconds 60] [--requests 20000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from build_scripts import precompress

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "results"
PAGE = ROOT / "docs" / "prestaties.md"
MARK = "<!-- loadtest: written by benchmarks/loadtest.py (make loadtest) -->"


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    errors: dict[str, int] = field(default_factory=dict)
    bytes: int = 0

    def error(self, kind: str) -> None:
        self.errors[kind] = self.errors.get(kind, 0) + 1


def request_mix(site: Path) -> list[tuple[str, str]]:
    """(path, Accept-Encoding) pairs: every page, the theme's files, and every engine file a
    calculator page loads, weighted about 3 pages to 1 engine file, as a visit is."""
    pages = sorted("/" + p.relative_to(site).parent.as_posix().removeprefix(".") for p in site.rglob("index.html"))
    pages = [p if p.endswith("/") else p + "/" for p in pages]
    engine = json.loads((site / "assets/engine/engine.json").read_text(encoding="utf-8"))
    base = "/assets/engine/"
    runtime = [base + engine["pyodide"] + name for name in
               ("pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")]
    files = runtime + [base + engine["wheel"], base + engine["snapshot"], base + "engine.json",
                       "/assets/javascripts/calculator.js", "/assets/javascripts/zorgcalc-worker.js",
                       "/assets/stylesheets/calculator.css", "/404-niet-bestaand/"]
    mix = [(p, "br, gzip") for p in pages] * 3 + [(f, "br, gzip") for f in files] + [(pages[0], "gzip"), (pages[0], "")]
    return mix


async def read_response(reader: asyncio.StreamReader) -> tuple[int, int]:
    """(status, body bytes) of one HTTP/1.1 response with a Content-Length."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    length = 0
    for line in lines[1:]:
        if line.lower().startswith("content-length:"):
            length = int(line.split(":", 1)[1])
    await reader.readexactly(length)
    return status, length


async def client(host: str, port: int, mix: list, deadline: float, budget: list[int], tally: Tally, seed: int) -> None:
    """One keep-alive connection sending requests until the deadline or the shared budget is spent."""
    rng = random.Random(seed)
    reader = writer = None
    while time.monotonic() < deadline and budget[0] > 0:
        budget[0] -= 1
        path, encoding = rng.choice(mix)
        started = time.monotonic()
        try:
            if writer is None:
                reader, writer = await asyncio.open_connection(host, port)
            accept = f"Accept-Encoding: {encoding}\r\n" if encoding else ""
            writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\n{accept}\r\n".encode())
            status, length = await asyncio.wait_for(read_response(reader), timeout=30)
        except (OSError, asyncio.IncompleteReadError, asyncio.TimeoutError, ValueError) as exc:
            tally.error(type(exc).__name__)
            writer = None
            continue
        tally.latencies.append(time.monotonic() - started)
        tally.bytes += length
        expected = 404 if path.startswith("/404-") else 200
        if status != expected:
            tally.error(f"HTTP {status}")
    if writer is not None:
        writer.close()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def load(url: str, mix: list, concurrency: int, seconds: float, requests: int) -> dict:
    host, port = url.removeprefix("http://").split(":")
    tally = Tally()
    budget = [requests]
    started = time.monotonic()
    await asyncio.gather(*(client(host, int(port), mix, started + seconds, budget, tally, i) for i in range(concurrency)))
    elapsed = time.monotonic() - started
    done = len(tally.latencies)
    return {"requests": done + sum(v for k, v in tally.errors.items() if not k.startswith("HTTP")),
            "seconds": round(elapsed, 2), "requests_per_second": round(done / elapsed, 1),
            "errors": sum(tally.errors.values()), "error_kinds": tally.errors,
            "p50_ms": round(percentile(tally.latencies, 0.50) * 1000, 1),
            "p95_ms": round(percentile(tally.latencies, 0.95) * 1000, 1),
            "p99_ms": round(percentile(tally.latencies, 0.99) * 1000, 1),
            "megabytes": round(tally.bytes / 1e6, 1), "concurrency": concurrency,
            "limit_seconds": seconds, "limit_requests": requests, "distinct_paths": len(set(mix)),
            "machine": f"{platform.platform()}, {os.cpu_count()} cores"}


def section(r: dict) -> str:
    """The Dutch section of the Prestaties page (a list: a table without links would be a scroll
    region that keyboard users cannot reach, tests/a11y)."""
    n = lambda v: f"{v:,}".replace(",", ".")  # noqa: E731 (Dutch thousands)
    return (
        f"\n{MARK}\n\n## Belastingstest van de nginx-configuratie\n\n"
        f"Debian's nginx met `deploy/nginx.conf` op loopback (één worker-proces), {r['concurrency']} gelijktijdige "
        f"verbindingen met keep-alive, een mengsel van alle pagina's en de bestanden waarmee de rekenhulpen "
        f"rekenen (Pyodide, het wheel, de momentopname; {r['distinct_paths']} verschillende verzoeken, vooraf gecomprimeerd, "
        "zoals `make build` ze schrijft); de belastende client draait op dezelfde machine.\n\n"
        f"- **Verzoeken**: {n(r['requests'])} in {r['seconds']} s, {r['requests_per_second']} per seconde; "
        f"**fouten**: {r['errors']}.\n"
        f"- **Wachttijd per verzoek**: p50 {r['p50_ms']} ms, p95 {r['p95_ms']} ms, p99 {r['p99_ms']} ms.\n"
        f"- **Verstuurd**: {r['megabytes']} MB.\n\n"
        f"Machine: {r['machine']}. Opnieuw meten: `make loadtest` (hoogstens {int(r['limit_seconds'])} s of "
        f"{n(r['limit_requests'])} verzoeken).\n"
    )


def write(r: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "loadtest.json").write_text(json.dumps(r, indent=2) + "\n", encoding="utf-8")
    text = section(r)
    (RESULTS / "loadtest.md").write_text(text, encoding="utf-8")
    page = PAGE.read_text(encoding="utf-8")
    PAGE.write_text(page.split("\n" + MARK)[0].rstrip("\n") + "\n" + text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    from tests.deploy.conftest import run_nginx

    parser = argparse.ArgumentParser(prog="python -m benchmarks.loadtest")
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--requests", type=int, default=20_000)
    args = parser.parse_args(argv)
    site = ROOT / "site"
    if not (site / "index.html").exists():
        print("loadtest: no built site in site/ (run make build)")
        return 1
    with tempfile.TemporaryDirectory(prefix="zorg-loadtest-") as tmp:
        copy = Path(tmp) / "site"
        shutil.copytree(site, copy)
        if not any(copy.rglob("*.br")):  # make build precompresses; a bare mkdocs build does not
            precompress.main([str(copy)])
        prefix = Path(tmp) / "nginx"
        prefix.mkdir()
        with run_nginx(copy, prefix) as url:
            result = asyncio.run(load(url, request_mix(copy), args.concurrency, min(args.seconds, 60), args.requests))
    write(result)
    print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
