"""Command line: ``python -m zorgcalc <calculator> [--input FILE|-] [--format json|text|ics]``.

A thin adapter around ``run``. Exit 0 on a result, 2 on invalid input.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any, TextIO

from .envelope import to_json
from .registry import CALCULATORS, load, run


def _read_inputs(source: str | None, stdin: TextIO) -> tuple[Any, str | None]:
    if source is None:
        return {}, None
    try:
        text = stdin.read() if source == "-" else open(source, encoding="utf-8").read()
    except OSError as exc:
        return None, f"Kan invoerbestand {source!r} niet lezen: {exc.strerror}."
    try:
        return json.loads(text), None
    except json.JSONDecodeError as exc:
        return None, f"De invoer is geen geldige JSON (regel {exc.lineno}, kolom {exc.colno})."


def default_text(result: dict[str, Any]) -> str:
    """Plain Dutch rendering of an envelope, for calculators without their own ``to_text``."""
    lines = [f"Uitkomst: {result['verdict']}", result["summary"], ""]
    for c in result["conditions"]:
        mark = {True: "voldaan", False: "niet voldaan", None: "niet beantwoord"}[c["met"]]
        lines.append(f"- [{mark}] {c['label']}: {c['explanation']} (norm: {c['norm']})")
    for w in result["warnings"]:
        lines.append(f"! {w}")
    lines += ["", result["disclaimer"]]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None, stdin: TextIO | None = None,
         stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = argparse.ArgumentParser(prog="python -m zorgcalc", description="Rekenhulpen zorgcontractering")
    parser.add_argument("calculator", nargs="?", help="id van de rekenhulp (zie --list)")
    parser.add_argument("--list", action="store_true", help="toon de rekenhulpen")
    parser.add_argument("--input", metavar="FILE", help="JSON-invoer uit bestand, of - voor stdin")
    parser.add_argument("--format", choices=["json", "text", "ics"], default="json")
    args = parser.parse_args(argv)

    if args.list:
        for cid in CALCULATORS:
            try:
                desc = load(cid).DESCRIPTION
            except ImportError:
                desc = "(nog niet beschikbaar)"
            stdout.write(f"{cid}\t{desc}\n")
        return 0
    if not args.calculator:
        parser.print_usage(stderr)
        stderr.write("Geef een rekenhulp op, of --list.\n")
        return 2

    inputs, problem = _read_inputs(args.input, stdin)
    if problem:
        result = {"ok": False, "calculator": args.calculator,
                  "errors": [{"field": "input", "message": problem}]}
    else:
        result = run(args.calculator, inputs)

    if not result["ok"]:
        if args.format == "json":
            stdout.write(to_json(result) + "\n")
        else:
            for err in result["errors"]:
                stderr.write(f"{err['field']}: {err['message']}\n")
        return 2

    module = load(args.calculator)
    if args.format == "json":
        stdout.write(to_json(result) + "\n")
    elif args.format == "text":
        to_text = getattr(module, "to_text", default_text)
        stdout.write(to_text(result))
    else:
        to_ics = getattr(module, "to_ics", None)
        if to_ics is None:
            stderr.write(f"De rekenhulp {args.calculator!r} kent geen agenda-uitvoer (--format ics).\n")
            return 2
        stdout.write(to_ics(result))
    return 0
