"""Write foo.gz and foo.br next to every compressible file of the built site (after mkdocs build;
``make build`` runs it), so that the web server sends precompressed files and compresses nothing
at request time (deploy/nginx.conf: gzip_static, brotli_static).

gzip comes from the standard library; brotli (quality 11, 9 above 4 MB: for the 8.6 MB wasm as small
within 1 % and minutes faster; the stored 3.4 MB standard library gains 10 % from 11) from the
pinned ``brotli`` package. A compressed
copy is kept only when it is at least 5 % smaller. Running it again rewrites the copies.
Usage: python -m build_scripts.precompress [site_dir]   (default: site/)
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import brotli

from .norms import ROOT

SUFFIXES = {".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt", ".zip", ".whl", ".ics"}
# No .map: source maps are not published (deploy/nginx.conf refuses them and every .map.* variant).
MIN_SIZE = 1024  # smaller files are not worth a second request path


def compress_file(path: Path) -> list[Path]:
    data = path.read_bytes()
    written = []
    for suffix, packed in ((".gz", lambda: gzip.compress(data, compresslevel=9, mtime=0)),
                           (".br", lambda: brotli.compress(data, quality=11 if len(data) < 4_000_000 else 9))):
        target = path.with_name(path.name + suffix)
        blob = packed()
        if len(blob) <= 0.95 * len(data):
            target.write_bytes(blob)
            written.append(target)
        elif target.exists():
            target.unlink()
    return written


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    site = Path(args[0]) if args else ROOT / "site"
    if not (site / "index.html").exists():
        print(f"precompress: {site} holds no built site (run mkdocs build first)", file=sys.stderr)
        return 1
    files = [p for p in sorted(site.rglob("*")) if p.is_file() and p.suffix in SUFFIXES and p.stat().st_size >= MIN_SIZE]
    count = sum(len(compress_file(p)) for p in files)
    print(f"precompress: {count} .gz/.br files for {len(files)} files in {site}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
