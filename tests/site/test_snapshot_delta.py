"""The memory snapshot is published as a delta against the wasm's static data
(build_scripts/snapshot_delta.py): rebuilt from the published files it is byte for byte the
snapshot Node made, and it is what makes the file smaller. The worker's own undoing of the delta is
proven in Chromium by tests/browser/test_calculators.py (the first visit starts from the snapshot)."""

from __future__ import annotations

import brotli
import gzip
import json
import struct

import pytest

from build_scripts.engine import OUT, made_snapshot
from build_scripts.snapshot_delta import (DELTA_MAGIC, SNAPSHOT_MAGIC, StaticData, apply_delta, data_segment,
                                          header_length, make_delta)


@pytest.fixture(scope="module")
def published(build) -> dict:
    manifest = json.loads((OUT / "engine.json").read_text(encoding="utf-8"))
    key = manifest["snapshot"].rsplit("-", 1)[1].removesuffix(".snapshot")
    return {
        "delta": (build.dir / "assets/engine" / manifest["snapshot"]).read_bytes(),
        "wasm": (build.dir / "assets/engine" / manifest["pyodide"] / "pyodide.asm.wasm").read_bytes(),
        "static": StaticData(**manifest["snapshot_static"]),
        "made": made_snapshot(key).read_bytes(),
        "path": build.dir / "assets/engine" / manifest["snapshot"],
    }


def test_the_published_delta_and_wasm_rebuild_nodes_snapshot_byte_for_byte(published):
    rebuilt = apply_delta(published["delta"], published["wasm"], published["static"])
    assert rebuilt[:4] == SNAPSHOT_MAGIC
    assert rebuilt == published["made"]


def test_the_delta_is_refused_as_a_snapshot_until_it_is_undone(published):
    # Pyodide checks this magic: a delta restored as it is fails instead of starting from garbage
    assert published["delta"][:4] == DELTA_MAGIC != SNAPSHOT_MAGIC


def test_where_the_static_data_lies_the_delta_is_nearly_all_zeros(published):
    static = published["static"]
    start = header_length(published["delta"]) + static.memory_offset
    region = published["delta"][start:start + static.length]
    assert static.length > 3_000_000  # the runtime's static data: megabytes, not a probe
    assert region.count(0) > 0.95 * len(region)


def test_the_delta_differs_from_the_snapshot_only_in_the_static_data_and_the_magic(published):
    static, delta, made = published["static"], published["delta"], published["made"]
    start = header_length(made) + static.memory_offset
    assert delta[4:start] == made[4:start]
    assert delta[start + static.length:] == made[start + static.length:]


def test_the_compressed_copies_are_the_delta(published):
    path = published["path"]
    assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == published["delta"]
    assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == published["delta"]


def test_the_delta_makes_the_brotli_copy_smaller(published):
    # what the delta is for: the same snapshot without it, at the same brotli settings
    from build_scripts.engine import SNAPSHOT_BROTLI
    path = published["path"]
    plain = len(brotli.compress(published["made"], **{**SNAPSHOT_BROTLI, "quality": 5}))
    delta = len(brotli.compress(published["delta"], **{**SNAPSHOT_BROTLI, "quality": 5}))
    assert delta < plain - 500_000, (delta, plain)
    assert path.with_name(path.name + ".br").stat().st_size < plain


def _module(*sections: tuple[int, bytes]) -> bytes:
    body = b"".join(bytes([sid]) + bytes([len(payload)]) + payload for sid, payload in sections)
    return b"\0asm" + struct.pack("<I", 1) + body


def test_a_module_with_one_active_segment_gives_its_place_in_the_file():
    # data section: 1 segment, flags 0, offset expression `i32.const 1024; end`, 3 bytes
    wasm = _module((1, b"\x00"), (11, b"\x01\x00\x41\x80\x08\x0b\x03abc"))
    offset, length = data_segment(wasm)
    assert wasm[offset:offset + length] == b"abc"


def test_a_module_with_two_segments_is_refused():
    wasm = _module((11, b"\x02\x00\x41\x00\x0b\x01a\x00\x41\x10\x0b\x01b"))
    with pytest.raises(ValueError, match="one active data segment"):
        data_segment(wasm)


def test_a_file_that_is_no_module_is_refused():
    with pytest.raises(ValueError, match="not a WebAssembly module"):
        data_segment(b"PK\x03\x04" + bytes(20))


def test_a_snapshot_without_the_static_data_is_refused():
    wasm = _module((11, b"\x01\x00\x41\x80\x08\x0b\x40" + bytes(range(64))))
    snapshot = SNAPSHOT_MAGIC + struct.pack("<I", 16) + bytes(8) + bytes(70_000)
    with pytest.raises(ValueError, match="not in the snapshot"):
        make_delta(snapshot, wasm)
