"""Build the in-browser calculator engine into docs/assets/engine/ (generated, not committed):

- the pinned Pyodide runtime, copied from node_modules/pyodide (npm, package-lock.json) to
  ``pyodide/<version>/`` so a version bump is a new path and cached files never go stale;
- the zorgcalc wheel, built from calculators/ and precompiled to .pyc for Pyodide's CPython with
  ``pyodide py-compile``, under ``wheels/<sha256-prefix>/`` (content-addressed, cacheable forever);
- the pure-Python wheels the calendar export needs (icalendar and its dependencies, at the
  versions pinned in requirements.txt), loaded by the worker only when someone downloads a
  calendar file;
- a trimmed python_stdlib.zip with only the modules the calculators and the calendar export
  reach (found and then checked under the real runtime by build_scripts/stdlib_modules.mjs), next
  to the wheel: 0.90 MB brotli instead of Pyodide's 2.4 MB, for the worker's both ways of starting
  (stored, like the wheel, so the host's brotli compresses the whole file; GitHub Pages gets the
  .gz copies of both, which the worker unpacks), with the modules the calculators import
  precompiled, so that a plain start compiles none of them (``trimmed_zip``);
- the memory snapshot the worker starts from (an interpreter with every module of the wheel imported,
  so a snapshot start downloads no wheel,
  made with Node by build_scripts/make_snapshot.mjs with that trimmed zip), next to the wheel it
  holds, as a delta against the wasm's static data (build_scripts/snapshot_delta.py), uncompressed
  with a brotli and a gzip copy beside it: hosts send one of those with Content-Encoding (nginx
  brotli_static/gzip_static); GitHub Pages gets the gzip copy itself;
- ``engine.json``: where the worker finds all of these, relative to engine.json, and the lock file
  Pyodide is given (``served_lock``).

The wheel is byte-for-byte reproducible (fixed zip timestamps), so an unchanged calculator package
keeps its URL across releases and visitors keep it cached; the snapshot is kept in build/ by the
wheel digest and Pyodide version, so a rebuild without changes does not make it again.

Run as ``python -m build_scripts.engine`` (``make generate`` does).
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import json
import marshal
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from .snapshot_delta import StaticData, locate, make_delta

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "assets" / "engine"
PYODIDE_NPM = ROOT / "node_modules" / "pyodide"
# The files of the runtime the worker loads; nothing else of the npm package is published.
RUNTIME_FILES = ("pyodide.mjs", "pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")


def pyodide_version() -> str:
    return json.loads((PYODIDE_NPM / "package.json").read_text(encoding="utf-8"))["version"]


def vendor_pyodide() -> str:
    version = pyodide_version()
    target = OUT / "pyodide" / version
    target.mkdir(parents=True, exist_ok=True)
    for name in RUNTIME_FILES:
        src = PYODIDE_NPM / name
        dst = target / name
        if not dst.exists() or dst.stat().st_size != src.stat().st_size:
            shutil.copy2(src, dst)
    return f"pyodide/{version}/"


def normalise_zip(path: Path) -> None:
    """Rewrite a zip with its members sorted and a fixed timestamp, so equal contents give equal
    bytes, and stored: brotli or gzip of the whole file (precompress.py) shrinks it better than
    deflate does each member on its own (for the wheel 154 KB brotli against 224 KB deflated)."""
    with zipfile.ZipFile(path) as src:
        members = [(info.filename, src.read(info)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_STORED) as dst:
        for name, data in sorted(members):
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED
            info.external_attr = 0o644 << 16
            dst.writestr(info, data)


def build_wheel() -> str:
    """Build and precompile the zorgcalc wheel; returns its path relative to OUT."""
    # SOURCE_DATE_EPOCH: fixed zip times, and hash-based instead of timestamped .pyc (py_compile)
    fixed_time = {**os.environ, "SOURCE_DATE_EPOCH": "315532800"}
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
             "--wheel-dir", tmp, str(ROOT / "calculators")],
            check=True, env=fixed_time,
        )
        [wheel] = Path(tmp).glob("zorgcalc-*.whl")
        pyodide_cli = Path(sys.executable).with_name("pyodide")
        subprocess.run([str(pyodide_cli), "py-compile", "--silent", str(wheel)], check=True, env=fixed_time)
        [compiled] = Path(tmp).glob("zorgcalc-*-cp*-none-any.whl")
        normalise_zip(compiled)
        digest = hashlib.sha256(compiled.read_bytes()).hexdigest()[:16]
        wheels = OUT / "wheels"
        if wheels.exists():
            shutil.rmtree(wheels)  # only the current wheel is published
        target = wheels / digest
        target.mkdir(parents=True)
        shutil.copy2(compiled, target / compiled.name)
        return f"wheels/{digest}/{compiled.name}"


ICS_PACKAGES = ("icalendar", "python-dateutil", "tzdata", "typing_extensions")


def pinned(name: str) -> str:
    norm = name.lower().replace("_", "-")
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        pkg, _, version = line.partition("==")
        if pkg.strip().lower().replace("_", "-") == norm:
            return f"{pkg.strip()}=={version.strip()}"
    raise SystemExit(f"{name} is not pinned in requirements.txt")


def download_ics_wheels() -> list[str]:
    target = OUT / "wheels-ics"
    specs = [pinned(n) for n in ICS_PACKAGES]
    stamp = target / "pins.txt"
    if not (stamp.exists() and stamp.read_text() == "\n".join(specs)):
        shutil.rmtree(target, ignore_errors=True)
        target.mkdir(parents=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                        "--dest", str(target), *specs], check=True)
        stamp.write_text("\n".join(specs))
    return [f"wheels-ics/{w.name}" for w in sorted(target.glob("*.whl"))]


STDLIB_SCRIPT = ROOT / "build_scripts" / "stdlib_modules.mjs"
STDLIB_CACHE = ROOT / "build" / "stdlib"


def reach(stdlib: Path, wheel: str, ics_wheels: list[str]) -> dict:
    """Run stdlib_modules.mjs: the zip members imported, the imports that failed, every output."""
    ran = subprocess.run(["node", str(STDLIB_SCRIPT), str(PYODIDE_NPM), str(stdlib), str(OUT / wheel),
                          *[str(OUT / w) for w in ics_wheels]], capture_output=True, text=True)
    if ran.returncode != 0:
        raise SystemExit(f"engine: {STDLIB_SCRIPT.name} failed with {stdlib.name}:\n" + ran.stderr[-3000:])
    return json.loads(ran.stdout)


# The compiled members' code: what CPython's -OO gives (no docstrings, no asserts), a mode the
# standard library is tested in. Against -O0 it is 0.14 MB less brotli; the trimmed zip's second
# run under Pyodide (trim_stdlib) proves every output byte-identical with it.
COMPILE_OPTIMIZE = 2


def compiled_member(source: bytes, name: str) -> bytes:
    """A sourceless .pyc of a standard-library module for Pyodide's CPython (PEP 552, unchecked
    hash: the same bytes on every build). The build's Python must be Pyodide's minor version (the
    magic number says it); a wrong one fails the trimmed zip's run under Pyodide, and the build."""
    code = compile(source, "/lib/python313.zip/" + name, "exec", dont_inherit=True, optimize=COMPILE_OPTIMIZE)
    return importlib.util.MAGIC_NUMBER + (0b01).to_bytes(4, "little") + importlib.util.source_hash(source) \
        + marshal.dumps(code)


def trimmed_zip(full: Path, members: list[str], target: Path, compiled: frozenset[str] = frozenset()) -> None:
    """The members (and the folders above them), in the full zip's order, stored: the host's
    brotli of the whole file beats deflated members (0.63 MB against 0.87 MB for the sources).

    The compiled members go in as .pyc instead of .py: those the plain start imports. Without them
    Pyodide compiles each from source at every plain start: 2.0-2.3 s of a plain start in Node
    against 0.64-0.79 s with them (issue 16), and on a warm 4G visit in Chromium the first result
    came at 2.19 s instead of 4.20 s. They cost bytes (a .pyc compresses worse than its source),
    so the members only the calendar export needs stay sources."""
    keep = set(members)
    for name in members:
        parts = name.split("/")[:-1]
        keep |= {"/".join(parts[:i]) + "/" for i in range(1, len(parts) + 1)}
    with zipfile.ZipFile(full) as src, zipfile.ZipFile(target, "w") as dst:
        for info in src.infolist():
            if info.filename not in keep:
                continue
            data = src.read(info)
            if info.filename in compiled:
                member = zipfile.ZipInfo(info.filename + "c", info.date_time)
                dst.writestr(member, compiled_member(data, info.filename), compress_type=zipfile.ZIP_STORED)
            else:
                dst.writestr(info, data, compress_type=zipfile.ZIP_STORED)


def trim_stdlib(wheel: str, ics_wheels: list[str]) -> str:
    """The standard library the calculators and the calendar export reach, proven complete here.

    The first run, with Pyodide's full zip, imports every module of zorgcalc and the calendar
    packages and runs every calculator's defaults and examples (result, HTML, .ics); what it
    imported from the zip is kept. The second run does it all again with the trimmed zip and must
    fail the same imports and give byte-identical outputs, or the build stops. Kept in build/ by
    the inputs' digest; published beside the wheel. Returns its path relative to OUT.
    """
    full = PYODIDE_NPM / "python_stdlib.zip"
    key = hashlib.sha256(b"\0".join([pyodide_version().encode(), wheel.encode(), *[w.encode() for w in ics_wheels],
                                       STDLIB_SCRIPT.read_bytes(), Path(__file__).read_bytes(),
                                       importlib.util.MAGIC_NUMBER])).hexdigest()[:16]
    cached = STDLIB_CACHE / f"python_stdlib-{key}.zip"
    if not cached.exists():
        STDLIB_CACHE.mkdir(parents=True, exist_ok=True)
        for old in STDLIB_CACHE.glob("*.zip"):
            old.unlink()
        found = reach(full, wheel, ics_wheels)
        partial = cached.with_suffix(".partial")
        trimmed_zip(full, found["zip_files"], partial, frozenset(found["start_files"]))
        again = reach(partial, wheel, ics_wheels)
        if again["failed"] != found["failed"] or again["outputs"] != found["outputs"]:
            lost = sorted(set(again["failed"]) - set(found["failed"]))
            raise SystemExit(f"engine: the trimmed python_stdlib.zip is incomplete: {lost or 'outputs differ'}")
        partial.rename(cached)
    # its own name, under a folder named by its content: cached like the wheel, and a fault or a
    # filter that knows Pyodide's file name still finds it
    target = f"{wheel.rsplit('/', 1)[0]}/stdlib-{key}/python_stdlib.zip"
    (OUT / target).parent.mkdir(exist_ok=True)
    shutil.copy2(cached, OUT / target)
    return target


SNAPSHOT_SCRIPT = ROOT / "build_scripts" / "make_snapshot.mjs"
DELTA_SCRIPT = ROOT / "build_scripts" / "snapshot_delta.py"
SNAPSHOT_CACHE = ROOT / "build" / "snapshots"
# Brotli at its best (quality 11, 16 MB window): 3.6 MB against gzip's 5.8 MB for the 25 MB
# snapshot, at a minute or two of build time, only when the calculators or Pyodide change (cached).
SNAPSHOT_BROTLI = {"quality": 11, "lgwin": 24}


def made_snapshot(key: str) -> Path:
    """The snapshot exactly as Node made it, kept in build/ beside the published delta."""
    return SNAPSHOT_CACHE / f"{key}.made"


def make_snapshot(wheel: str, stdlib: str) -> tuple[str, StaticData]:
    """Make (or take from build/) the worker's memory snapshot for this wheel and Pyodide version.

    Returns its path relative to OUT (beside the wheel, under the same content-addressed folder,
    uncompressed as ``.snapshot`` with ``.snapshot.br`` and ``.snapshot.gz`` beside it) and where
    the static data lies that the published file holds as a delta (build_scripts/snapshot_delta.py).
    """
    import brotli  # pinned in requirements.txt (build_scripts/precompress.py uses it too)

    wasm = (PYODIDE_NPM / "pyodide.asm.wasm").read_bytes()
    # the wheel's and the zip's paths already name their content (wheels/<sha256>/...)
    key = hashlib.sha256(b"\0".join([pyodide_version().encode(), wheel.encode(), stdlib.encode(),
                                       SNAPSHOT_SCRIPT.read_bytes(), DELTA_SCRIPT.read_bytes(),
                                       repr(SNAPSHOT_BROTLI).encode()])).hexdigest()[:16]
    cached = SNAPSHOT_CACHE / f"{key}.snapshot"
    if not cached.exists():
        SNAPSHOT_CACHE.mkdir(parents=True, exist_ok=True)
        for old in SNAPSHOT_CACHE.glob("*"):
            old.unlink()
        partial = cached.with_suffix(".partial")
        made = subprocess.run(["node", str(SNAPSHOT_SCRIPT), str(PYODIDE_NPM), str(OUT / wheel), str(partial),
                               str(OUT / stdlib)], capture_output=True, text=True)
        if made.returncode != 0:  # Node prints a whole minified line of pyodide.asm.js; keep the message
            raise SystemExit("engine: making the memory snapshot failed:\n" + made.stderr[-3000:])
        snapshot = gzip.decompress(partial.read_bytes())
        partial.unlink()
        delta, _ = make_delta(snapshot, wasm)
        made_snapshot(key).write_bytes(snapshot)
        cached.with_name(cached.name + ".gz").write_bytes(gzip.compress(delta, compresslevel=9, mtime=0))
        cached.with_name(cached.name + ".br").write_bytes(brotli.compress(delta, **SNAPSHOT_BROTLI))
        cached.write_bytes(delta)
    static = locate(wasm, made_snapshot(key).read_bytes())
    target = f"{wheel.rsplit('/', 1)[0]}/pyodide-{pyodide_version()}-{key}.snapshot"
    for suffix in ("", ".gz", ".br"):
        shutil.copy2(cached.with_name(cached.name + suffix), OUT / (target + suffix))
    return target, static


def served_lock() -> dict:
    """Pyodide's lock file as this site needs it: the distribution's ``info`` (Pyodide checks its
    ``abi_version``) and no packages. The site serves none of the distribution's packages (the
    zorgcalc and calendar wheels are loaded by URL), so the 122 KB list (23 KB brotli) would only be
    downloaded on every first visit and tell Pyodide of packages it cannot get (issue 16). It goes
    into engine.json, which calculator pages inline, so the worker fetches no lock file at all."""
    info = json.loads((PYODIDE_NPM / "pyodide-lock.json").read_text(encoding="utf-8"))["info"]
    if not info.get("abi_version"):
        raise SystemExit("engine: pyodide-lock.json has no info.abi_version")
    return {"info": info, "packages": {}}


def main() -> int:
    runtime = vendor_pyodide()
    wheel = build_wheel()
    ics_wheels = download_ics_wheels()
    stdlib = trim_stdlib(wheel, ics_wheels)
    snapshot, static = make_snapshot(wheel, stdlib)
    # what the snapshot costs to download, as the host sends it: the worker weighs it against the
    # line it measured (zorgcalc-worker.js, measureLine)
    sizes = {enc: (OUT / (snapshot + f".{enc}")).stat().st_size for enc in ("br", "gz")}
    manifest = {"pyodide": runtime, "wheel": wheel, "stdlib": stdlib, "snapshot": snapshot,
                "snapshot_static": static.as_json(), "snapshot_bytes": sizes, "lock": served_lock(),
                "pyodide_version": pyodide_version(), "ics_wheels": ics_wheels}
    (OUT / "engine.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    # Keep the calculators' build/ and egg-info out of the source tree.
    for junk in (ROOT / "calculators" / "build",):
        shutil.rmtree(junk, ignore_errors=True)
    print(f"engine: Pyodide {manifest['pyodide_version']}, {wheel}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
