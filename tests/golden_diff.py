"""List what differs between two golden recordings (``make golden``), case by case:
``python -m tests.golden_diff build/golden/before.json build/golden/outputs.json``."""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path


def main(before: str, after: str) -> int:
    cases = json.loads((Path(before).parent / "inputs.json").read_text(encoding="utf-8"))
    old, new = (json.loads(Path(p).read_text(encoding="utf-8")) for p in (before, after))
    changed = 0
    for (cid, inputs), a, b in zip(cases, old, new):
        if a == b:
            continue
        changed += 1
        print(f"--- {cid} {json.dumps(inputs, ensure_ascii=False)[:160]}")
        for part in ("json", "text", "html"):
            x = json.dumps(a[part], ensure_ascii=False, indent=1).splitlines()
            y = json.dumps(b[part], ensure_ascii=False, indent=1).splitlines()
            for line in difflib.unified_diff(x, y, lineterm="", n=0):
                if not line.startswith(("---", "+++", "@@")):
                    print(f"  {part}: {line[:220]}")
    print(f"{changed} of {len(cases)} cases differ")
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
