// What of Pyodide's standard library the calculators and the calendar export reach, under the
// real runtime in Node (build_scripts/engine.py runs this; tests/site/test_trimmed_stdlib.py too).
//
// It starts Pyodide with the given python_stdlib.zip, unpacks the zorgcalc wheel as the worker
// does, installs the calendar wheels with loadPackage as the worker does, imports every module of
// zorgcalc and of the calendar packages, and runs every calculator on its defaults and every
// example: run_json, render_json and the .ics export. It prints JSON: the zip members that were
// imported (`zip_files`, by their source's name also where the zip holds them compiled), those of
// them imported before the calendar export was loaded (`start_files`), the modules that failed to
// import (`failed`: the same with the full and the trimmed zip, e.g. dateutil's Windows-only
// module), and every output (`outputs`), so the trimmed zip can be checked to give the same bytes
// as the full one.
//
// Usage: node stdlib_modules.mjs <pyodide-dir> <python_stdlib.zip> <zorgcalc.whl> <ics-wheel>...

import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";

const [pyodideDir, stdlib, wheel, ...icsWheels] = process.argv.slice(2);
if (!wheel) {
  console.error("usage: node stdlib_modules.mjs <pyodide-dir> <python_stdlib.zip> <zorgcalc.whl> <ics-wheel>...");
  process.exit(2);
}
const base = resolve(pyodideDir) + "/";
const { loadPyodide } = await import(pathToFileURL(base + "pyodide.mjs").href);
const quiet = () => {};
const pyodide = await loadPyodide({ indexURL: base, stdLibURL: resolve(stdlib), stdout: quiet, stderr: quiet });
pyodide.unpackArchive(new Uint8Array(readFileSync(wheel)), "wheel");

// What a visitor's calculating needs, before anything of the calendar export is loaded: every
// module of zorgcalc, and every calculator's defaults and examples computed and rendered.
// engine.py precompiles these members (start_files), as the plain start imports them.
const ZIP_FILES = `
def _zip_files():
    import sys
    files = set()
    for m in list(sys.modules.values()):
        f = getattr(m, "__file__", None) or ""
        if "/python313.zip/" in f:
            files.add(f.split("/python313.zip/", 1)[1].removesuffix("c"))  # a compiled member: its source's name
    return sorted(files)
`;
// Found with os (imported at every start), not pkgutil: what only this script imports is no part of it.
const START = ZIP_FILES + `
import json, os, zorgcalc
for _dir, _, _files in os.walk(zorgcalc.__path__[0]):
    for _f in _files:
        _rel = os.path.relpath(os.path.join(_dir, _f), zorgcalc.__path__[0])
        if _rel.endswith((".py", ".pyc")) and "__pycache__" not in _rel:
            _name = ".".join(["zorgcalc"] + _rel.rsplit(".", 1)[0].split(os.sep)).removesuffix(".__init__")
            if _name not in ("zorgcalc.cli", "zorgcalc.__main__"):
                __import__(_name)
from zorgcalc.registry import CALCULATORS, load
from zorgcalc.web import run_json
from zorgcalc.render_html import render_json
for _c in CALCULATORS:
    _m = load(_c)
    for _inputs in [_m.DEFAULT_INPUTS] + [getattr(e, "inputs", e) for e in _m.EXAMPLES]:
        render_json(run_json(_c, json.dumps(_inputs)), "{}")
json.dumps(_zip_files())
`;
const startFiles = JSON.parse(pyodide.runPython(START));
await pyodide.loadPackage(icsWheels.map((w) => resolve(w)), { messageCallback: quiet, errorCallback: quiet });

const REACH = `
import importlib, json, pkgutil, sys
failed = []
for top in ("zorgcalc", "icalendar", "dateutil", "typing_extensions", "tzdata"):
    root = importlib.import_module(top)
    for info in pkgutil.walk_packages(getattr(root, "__path__", []), top + "."):
        if info.name.endswith(".__main__") or ".tests" in info.name:  # a command line; a package's own tests
            continue
        try:
            importlib.import_module(info.name)
        except Exception as exc:  # a module for another platform (dateutil.tz.win)
            failed.append(f"{info.name}: {type(exc).__name__}")
from zorgcalc.registry import CALCULATORS, load
from zorgcalc.web import run_json, ics
from zorgcalc.render_html import render_json
outputs = {}
for c in CALCULATORS:
    module = load(c)
    cases = [("defaults", module.DEFAULT_INPUTS)] + [(f"example-{i}", getattr(e, "inputs", e)) for i, e in enumerate(module.EXAMPLES)]
    for name, inputs in cases:
        text = json.dumps(inputs)
        result = run_json(c, text)
        outputs[f"{c}/{name}"] = [result, render_json(result, "{}"), ics(c, text)]
json.dumps({"zip_files": _zip_files(), "failed": sorted(failed), "outputs": outputs})
`;
const reached = JSON.parse(pyodide.runPython(REACH));
process.stdout.write(JSON.stringify({ ...reached, start_files: startFiles }));
