"""Every generation step before the site build, in order (``make generate``):

1. norms: validate every norm box, write the register and norms.json;
2. interface_docs: one interface page per calculator, examples computed by the calculators;
3. engine: the Pyodide runtime and the precompiled zorgcalc wheel for the browser worker;
4. calculator_pages: the calculator widgets and embed pages, with their pre-rendered result and
   the engine manifest inlined;
5. utrecht_css: the NL Design System form styles (Utrecht component CSS from node_modules) the
   calculator forms use, as one stylesheet;
6. vendor_js: morphdom (from node_modules), which updates a shown result in place;
7. error_pages: the Dutch pages nginx serves for 400, 403, 405 and 414 (docs/fout/);
8. bench_chart: the Prestaties page's chart of the last recorded make bench.
"""

from __future__ import annotations

import sys
import time

from . import bench_chart, calculator_pages, engine, error_pages, interface_docs, norms, utrecht_css, vendor_js


def main() -> int:
    for step in (norms, interface_docs, engine, calculator_pages, utrecht_css, vendor_js, error_pages, bench_chart):
        started = time.perf_counter()
        code = step.main()
        if code:
            return code
        print(f"  ({step.__name__.split('.')[-1]}: {time.perf_counter() - started:.2f} s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
