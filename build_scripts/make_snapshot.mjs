// Make the Pyodide memory snapshot the calculator worker starts from (build_scripts/engine.py runs
// this with Node; not meant to be run by hand).
//
// A memory snapshot is the WebAssembly memory of an interpreter that has already started and
// imported every calculator. Restoring it in the browser skips starting Python and importing the
// calculators, which is most of the wait before a visitor's first computed result. It uses
// Pyodide's private, experimental `_makeSnapshot` / `makeMemorySnapshot` API with the exact
// runtime files the site publishes; the worker falls back to a normal start when it fails.
//
// The snapshot is written gzip-compressed (the worker decompresses it with DecompressionStream),
// so it is equally small on every static host, whether or not the host compresses responses.
//
// Usage: node make_snapshot.mjs <pyodide-dir> <wheel.whl> <out.gz> [python_stdlib.zip]
// (the trimmed zip of build_scripts/engine.py: the worker must start with the same zip, as the
// snapshot holds zipimport's table of its members)

import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";

const [pyodideDir, wheelPath, outPath, stdlib] = process.argv.slice(2);
if (!outPath) {
  console.error("usage: node make_snapshot.mjs <pyodide-dir> <wheel.whl> <out.gz>");
  process.exit(2);
}

// Import every calculator and run each once (the registry imports lazily), so that the snapshot
// holds them all, imported and warm, and check that it holds every module of the wheel: a snapshot
// start downloads no wheel. The names run_json, warm_up_inputs and render_json are what the
// worker calls (its IMPORTS).
const WARM_UP = `
import json
from zorgcalc.registry import CALCULATORS, load
from zorgcalc.web import run_json, warm_up_inputs
from zorgcalc.render_html import render_json
for _c in CALCULATORS:
    render_json(run_json(_c, json.dumps(load(_c).DEFAULT_INPUTS)), "{}")
del _c
def _not_imported():
    # A snapshot start loads no wheel (zorgcalc-worker.js, start): whatever the worker may import
    # later must be in the snapshot already. The CLI adapters are never imported in a browser.
    import pathlib, sys, zorgcalc
    root = pathlib.Path(zorgcalc.__file__).parent
    names = {".".join(("zorgcalc",) + f.relative_to(root).with_suffix("").parts).removesuffix(".__init__")
             for f in root.rglob("*.py*")}
    return sorted(names - set(sys.modules) - {"zorgcalc.cli", "zorgcalc.__main__"})
if _not_imported():
    raise RuntimeError("modules of the wheel the snapshot does not hold imported: " + ", ".join(_not_imported()))
del _not_imported
import gc
gc.collect()
gc.freeze()  # what is loaded now lives as long as the page: keep it out of later collections
# Memory the allocator has freed keeps its old bytes (the wheel's deflated copy, read .pyc data):
# bytes that brotli cannot shrink, in a snapshot that holds every byte. Allocating zeroed buffers
# into the free chunks and freeing them again leaves zeros there instead: 0.27 MB less brotli for
# the same interpreter. The amounts fit the free memory without growing it (25 MB, as without).
_fill = []
for _size, _count in ((1 << 16, 10), (1 << 12, 200), (1 << 9, 3000), (1 << 7, 8000), (1 << 5, 20000)):
    _fill.extend(bytearray(_size) for _ in range(_count))
del _fill, _size, _count
`;

const base = resolve(pyodideDir) + "/";
const { loadPyodide } = await import(pathToFileURL(base + "pyodide.mjs").href);
const quiet = () => {};
const pyodide = await loadPyodide({ indexURL: base, _makeSnapshot: true, stdout: quiet, stderr: quiet,
  ...(stdlib ? { stdLibURL: resolve(stdlib) } : {}) });
// Same as the worker: unpackArchive keeps no JavaScript references in Python (loadPackage does,
// and a snapshot may hold none).
pyodide.unpackArchive(new Uint8Array(readFileSync(wheelPath)), "wheel");
pyodide.runPython(WARM_UP);
const bytes = pyodide.makeMemorySnapshot();
const packed = gzipSync(bytes, { level: 9 });
writeFileSync(outPath, packed);
console.log(JSON.stringify({ bytes: bytes.length, gzip_bytes: packed.length }));
