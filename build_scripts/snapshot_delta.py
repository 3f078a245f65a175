"""The memory snapshot, published as a delta against what the visitor downloads anyway.

A Pyodide memory snapshot is a small header (magic ``\\0snp``, lengths, build id, JSON) followed by
the whole WebAssembly memory. Its first megabytes are the runtime's static data: the one active data
segment of ``pyodide.asm.wasm``, which the runtime copies into memory at ``memory_offset`` and which
an interpreter that has started changes in only a few per cent of its bytes. The visitor's browser
downloads that segment anyway, inside the wasm. So the published file holds those bytes XORed with
the segment: almost all zeros, which brotli and gzip shrink to nearly nothing (about 0.85 MB less
brotli for Pyodide 0.29.5). The worker (docs/assets/javascripts/zorgcalc-worker.js) XORs them back
with the wasm it has already fetched, byte for byte the snapshot Node made.

The delta carries the magic ``\\0snd`` instead of ``\\0snp``: a delta restored without the XOR is
refused by the worker's check and by Pyodide's own, instead of starting from garbled memory.

Used by build_scripts/engine.py; the worker gets :class:`StaticData` through engine.json.
"""

from __future__ import annotations

import struct
from dataclasses import asdict, dataclass

SNAPSHOT_MAGIC = b"\0snp"  # Pyodide's (API.makeSnapshot in pyodide.asm.js)
DELTA_MAGIC = b"\0snd"
WASM_MAGIC = b"\0asm"
DATA_SECTION = 11
# Where to look for the segment in memory: Emscripten places static data at its global base
# (1024 for Pyodide's main module); the search only confirms it, within the first page.
SEARCH_LIMIT = 65536
PROBE = 64  # bytes of the segment's start that must occur at memory_offset


@dataclass(frozen=True)
class StaticData:
    """Where the runtime's static data lies in the wasm file and in the memory it starts with."""

    wasm_offset: int  # first byte of the data segment in pyodide.asm.wasm
    length: int  # the segment's length in bytes
    memory_offset: int  # where the runtime copies it to in linear memory

    def as_json(self) -> dict[str, int]:
        return asdict(self)


def _leb128(data: bytes, pos: int) -> tuple[int, int]:
    """An unsigned LEB128 number at pos (WebAssembly spec 5.2.2): (value, position after it)."""
    value = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return value, pos


def data_segment(wasm: bytes) -> tuple[int, int]:
    """The (file offset, length) of the module's one active data segment (spec 5.5.14).

    Pyodide's main module has exactly one, placed at an imported global (``__memory_base``); any
    other layout is refused, so a runtime upgrade that changes it stops the build instead of
    publishing a delta the worker would undo wrongly.
    """
    if wasm[:4] != WASM_MAGIC:
        raise ValueError("not a WebAssembly module")
    pos = 8
    while pos < len(wasm):
        section = wasm[pos]
        size, pos = _leb128(wasm, pos + 1)
        end = pos + size
        if section == DATA_SECTION:
            count, pos = _leb128(wasm, pos)
            flags, pos = _leb128(wasm, pos)
            if count != 1 or flags != 0:
                raise ValueError(f"expected one active data segment, found {count} (flags {flags})")
            while wasm[pos] != 0x0B:  # the offset expression, up to its `end`
                pos += 1
            length, pos = _leb128(wasm, pos + 1)
            return pos, length
        pos = end
    raise ValueError("the module has no data section")


def header_length(snapshot: bytes) -> int:
    """Bytes before the memory image: the second little-endian u32 of the header."""
    return struct.unpack_from("<I", snapshot, 4)[0]


def locate(wasm: bytes, snapshot: bytes) -> StaticData:
    """Find where the wasm's static data was copied to in the snapshot's memory."""
    if snapshot[:4] != SNAPSHOT_MAGIC:
        raise ValueError("not a Pyodide memory snapshot")
    wasm_offset, length = data_segment(wasm)
    memory = header_length(snapshot)
    found = snapshot.find(wasm[wasm_offset:wasm_offset + PROBE], memory, memory + SEARCH_LIMIT)
    if found < 0:
        raise ValueError("the wasm's static data is not in the snapshot's first memory page")
    return StaticData(wasm_offset, length, found - memory)


def _xor(snapshot: bytes, wasm: bytes, static: StaticData, magic: bytes) -> bytes:
    start = header_length(snapshot) + static.memory_offset
    part = snapshot[start:start + static.length]
    seg = wasm[static.wasm_offset:static.wasm_offset + static.length]
    mixed = (int.from_bytes(part, "little") ^ int.from_bytes(seg, "little")).to_bytes(static.length, "little")
    return magic + snapshot[4:start] + mixed + snapshot[start + static.length:]


def make_delta(snapshot: bytes, wasm: bytes) -> tuple[bytes, StaticData]:
    """The snapshot with its static data XORed with the wasm's data segment, and where that is."""
    static = locate(wasm, snapshot)
    return _xor(snapshot, wasm, static, DELTA_MAGIC), static


def apply_delta(delta: bytes, wasm: bytes, static: StaticData) -> bytes:
    """The snapshot again: what the worker does in JavaScript (kept here for the build's tests)."""
    if delta[:4] != DELTA_MAGIC:
        raise ValueError("not a snapshot delta")
    return _xor(delta, wasm, static, SNAPSHOT_MAGIC)
