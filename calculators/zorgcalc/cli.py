"""Command line: ``python -m zorgcalc <calculator> [--input FILE|-] [--format json|text|ics]``.

A thin adapter around ``run``. Exit 0 on a result, 2 on invalid input or anything else that goes
wrong (a Dutch message on stderr, never a traceback).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from .envelope import to_json
from .registry import calculators, load, run
from .web import UnreadableInput, parse_inputs


def _read_text(source: str, stdin: TextIO) -> str:
    """The input file (or stdin for '-') as text; UnicodeDecodeError when it is not UTF-8."""
    if source != "-":
        with open(source, "rb") as handle:
            return handle.read().decode("utf-8")
    raw = getattr(stdin, "buffer", None)
    return raw.read().decode("utf-8") if raw is not None else stdin.read()


def _read_inputs(source: str | None, stdin: TextIO) -> tuple[Any, str | None]:
    """(inputs, None), or (None, a Dutch problem) for a file that cannot be read as JSON."""
    if source is None:
        return {}, None
    try:
        text = _read_text(source, stdin)
    except OSError as exc:
        return None, f"Kan invoerbestand {source!r} niet lezen: {exc.strerror or exc}."
    except UnicodeDecodeError as exc:
        return None, (f"Het invoerbestand is geen UTF-8-tekst (ongeldige byte op positie {exc.start}). "
                      "Sla het op als UTF-8.")
    try:
        return parse_inputs(text), None
    except UnreadableInput as exc:
        return None, str(exc)


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


def _parser() -> argparse.ArgumentParser:
    """The command line's arguments (help texts in Dutch)."""
    parser = argparse.ArgumentParser(prog="python -m zorgcalc", description="Rekenhulpen zorgcontractering")
    parser.add_argument("calculator", nargs="?", help="id van de rekenhulp (zie --list)")
    parser.add_argument("--list", action="store_true", help="toon de rekenhulpen")
    parser.add_argument("--input", metavar="FILE", help="JSON-invoer uit bestand, of - voor stdin")
    parser.add_argument("--format", choices=["json", "text", "ics"], default="json")
    return parser


def _list(stdout: TextIO) -> int:
    """--list: every calculator id with its one-line Dutch description."""
    for cid in calculators():
        try:
            desc = load(cid).DESCRIPTION
        except ImportError:
            desc = "(nog niet beschikbaar)"
        stdout.write(f"{cid}\t{desc}\n")
    return 0


def _write_result(args: argparse.Namespace, result: dict[str, Any], stdout: TextIO, stderr: TextIO) -> int:
    """Write a result envelope in the chosen format; 2 when that format cannot be made."""
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
        try:
            text = to_ics(result)
        except ImportError:
            stderr.write("Voor --format ics is het pakket icalendar nodig: pip install icalendar. "
                         "De uitkomst zelf krijgt u met --format json of --format text.\n")
            return 2
        stdout.write(text)
    return 0


def _main(args: argparse.Namespace, parser: argparse.ArgumentParser, stdin: TextIO, stdout: TextIO,
          stderr: TextIO) -> int:
    """The command itself; may raise on a bug, which ``main`` turns into a Dutch message."""
    if args.list:
        return _list(stdout)
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
    return _write_result(args, result, stdout, stderr)


def _lenient(stream: TextIO) -> TextIO:
    """A standard stream that writes a lone surrogate (valid in JSON text) as a backslash escape."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        reconfigure(errors="backslashreplace")
    return stream


def main(argv: list[str] | None = None, stdin: TextIO | None = None,
         stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line; returns the exit code (0 result, 2 anything else) and never raises."""
    stdin = stdin or sys.stdin
    stdout = stdout or _lenient(sys.stdout)
    stderr = stderr or _lenient(sys.stderr)
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return _main(args, parser, stdin, stdout, stderr)
    except Exception as exc:  # a bug or an unwritable output: a Dutch sentence, never a traceback
        try:
            stderr.write("De rekenhulp kon deze opdracht niet uitvoeren door een onverwachte fout "
                         f"({type(exc).__name__}). Controleer de invoer; meld het als het blijft gebeuren.\n")
        except Exception:
            pass
        return 2
