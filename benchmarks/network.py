"""Network and CPU profiles for make bench (benchmarks/run.py), and counting bytes as served.

Network: Chromium's DevTools network emulation (CDP ``Network.emulateNetworkConditions``) on the
page. It also throttles the page's dedicated workers (their requests share the page's emulated
line: two parallel downloads in a worker each take twice as long), which is where our Pyodide runs.

CPU: Chromium's ``Emulation.setCPUThrottlingRate`` slows only a page's main thread; a worker target
refuses it ("Operation is only supported for pages, not workers", Chromium 156). The baseline runs
Pyodide on the main thread and ours runs it in a worker, so that would slow the baseline alone. The
phone-like profile therefore throttles the whole renderer process the same way DevTools throttles a
thread: it is stopped (SIGSTOP) for 3/4 of every 20 ms and runs (SIGCONT) for 1/4, every thread of
it (main thread, workers, WebAssembly compilation) alike; the browser and network processes run
freely. Only renderer processes descended from this Python process are touched.

Bytes: the encoded bytes each request delivered through the emulated line (CDP ``dataReceived`` and
``loadingFinished``, headers included), for the page and, through an auto-attached session, for
every worker; a download that is cancelled counts what it had received.
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Profile:
    name: str
    label: str  # Dutch, for the Prestaties page
    down_mbit: float | None  # None: no network emulation (loopback)
    up_mbit: float | None = None
    latency_ms: float = 0
    cpu_slowdown: int = 1

    def conditions(self) -> dict | None:
        if self.down_mbit is None:
            return None
        return {"offline": False, "latency": self.latency_ms,
                "downloadThroughput": self.down_mbit * 1e6 / 8, "uploadThroughput": self.up_mbit * 1e6 / 8}


PROFILES = [
    Profile("loopback", "loopback (geen netwerkvertraging)", None),
    Profile("kabel", "kabel: 50 Mbit/s, 20 ms", 50, 10, 20),
    Profile("4G", "4G: 9 Mbit/s, 85 ms", 9, 3, 85),
    Profile("traag", "traag: 1,6 Mbit/s, 150 ms", 1.6, 0.75, 150),
    Profile("4G-telefoon", "4G en een 4× tragere processor (telefoon)", 9, 3, 85, cpu_slowdown=4),
]
BY_NAME = {p.name.lower(): p for p in PROFILES}


def selected(spec: str | None) -> list[Profile]:
    """BENCH_PROFILES=loopback,4G (case-insensitive); all profiles when empty."""
    if not spec:
        return list(PROFILES)
    names = [n.strip().lower() for n in spec.split(",") if n.strip()]
    unknown = [n for n in names if n not in BY_NAME]
    if unknown:
        raise SystemExit(f"unknown profile(s) {unknown}; known: {[p.name for p in PROFILES]}")
    return [BY_NAME[n] for n in names]


class ByteCounter:
    """Encoded bytes per request of one page and its workers (see the module docstring)."""

    def __init__(self, context, page, profile: Profile):
        self.session = context.new_cdp_session(page)
        self.received: dict[tuple[str, str], int] = {}  # (session, request id) -> bytes so far
        self.finished: dict[tuple[str, str], int] = {}
        self.urls: dict[tuple[str, str], str] = {}
        self.conditions = profile.conditions()
        self.session.on("Network.requestWillBeSent", lambda e: self._sent("page", e))
        self.session.on("Network.dataReceived", lambda e: self._data("page", e))
        self.session.on("Network.loadingFinished", lambda e: self._done("page", e))
        self.session.on("Target.attachedToTarget", self._attached)
        self.session.on("Target.receivedMessageFromTarget", self._from_target)
        self.session.send("Network.enable")
        if self.conditions:
            self.session.send("Network.emulateNetworkConditions", self.conditions)
        # every worker stops before its first line until its Network domain is on
        self.session.send("Target.setAutoAttach", {"autoAttach": True, "waitForDebuggerOnStart": True, "flatten": False})

    def _sent(self, sid, e):
        self.urls[(sid, e["requestId"])] = e["request"]["url"]

    def _data(self, sid, e):
        key = (sid, e["requestId"])
        self.received[key] = self.received.get(key, 0) + int(e.get("encodedDataLength", 0))

    def _done(self, sid, e):
        self.finished[(sid, e["requestId"])] = int(e.get("encodedDataLength", 0))

    def _send_to(self, sid: str, n: int, method: str, params: dict | None = None) -> None:
        self.session.send("Target.sendMessageToTarget", {"sessionId": sid, "message": json.dumps(
            {"id": n, "method": method, "params": params or {}})})

    def _attached(self, e):
        sid = e["sessionId"]
        try:
            self._send_to(sid, 1, "Network.enable")
            if self.conditions:  # already inherited from the page; said again for clarity
                self._send_to(sid, 2, "Network.emulateNetworkConditions", self.conditions)
            self._send_to(sid, 3, "Runtime.runIfWaitingForDebugger")
        except Exception:  # the page closed meanwhile
            pass

    def _from_target(self, e):
        message = json.loads(e["message"])
        method = message.get("method", "")
        params = message.get("params", {})
        if method == "Network.requestWillBeSent":
            self._sent(e["sessionId"], params)
        elif method == "Network.dataReceived":
            self._data(e["sessionId"], params)
        elif method == "Network.loadingFinished":
            self._done(e["sessionId"], params)

    def total(self) -> int:
        keys = set(self.received) | set(self.finished)
        return sum(max(self.received.get(k, 0), self.finished.get(k, 0)) for k in keys)

    def by_file(self) -> dict[str, int]:
        out: dict[str, int] = {}
        for k in set(self.received) | set(self.finished):
            url = self.urls.get(k)
            name = (url.split("?")[0].rstrip("/").rsplit("/", 1)[-1] or "(page)") if url else "(not named)"
            out[name] = out.get(name, 0) + max(self.received.get(k, 0), self.finished.get(k, 0))
        return out


def _descendants(root: int) -> list[tuple[int, str]]:
    """(pid, cmdline) of every process below root."""
    children: dict[int, list[int]] = {}
    cmdlines: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            cmdlines[int(entry.name)] = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry.name))
    out, todo = [], [root]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append((child, cmdlines.get(child, "")))
            todo.append(child)
    return out


class CpuThrottle:
    """Slow every renderer process of our own Chromium by `slowdown` (see the module docstring)."""

    PERIOD_S = 0.020

    def __init__(self, slowdown: int):
        self.slowdown = slowdown
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def __enter__(self):
        if self.slowdown > 1:
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def __exit__(self, *exc):
        if self._thread:
            self._stop.set()
            self._thread.join()

    def _renderers(self) -> list[int]:
        return [pid for pid, cmd in _descendants(os.getpid()) if "--type=renderer" in cmd]

    def _signal(self, pids: list[int], sig) -> None:
        for pid in pids:
            try:
                os.kill(pid, sig)
            except ProcessLookupError:
                pass

    def _run(self) -> None:
        run_s = self.PERIOD_S / self.slowdown
        pids: list[int] = []
        refreshed = 0.0
        try:
            while not self._stop.is_set():
                if time.monotonic() - refreshed > 0.2:  # a new context brings a new renderer
                    pids, refreshed = self._renderers(), time.monotonic()
                self._signal(pids, signal.SIGSTOP)
                time.sleep(self.PERIOD_S - run_s)
                self._signal(pids, signal.SIGCONT)
                time.sleep(run_s)
        finally:
            self._signal(pids, signal.SIGCONT)
