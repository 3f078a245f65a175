/* Starts a calculator's worker while the page is still loading (issue 16: on a 50 Mbit/s line the
   deferred calculator.js ran only ~450 ms after navigation, behind the theme's script, and the
   worker's downloads waited for it). The build inlines this file near the top of every calculator
   widget, right after its context (build_scripts/calculator_pages.py, start_script), so it runs as
   soon as the parser reaches it, before the form is parsed; the Content-Security-Policy allows
   it by its hash (deploy/nginx.conf, deploy/_headers; tests/deploy names a missing one). It holds no comment after this one and no "</".
   It leaves root.zcStarted: {worker, adopt(onMessage, onError)} (calculator.js, Calculator.start,
   takes the worker over and gets every message it posted meanwhile), or {code, detail} when it
   cannot start (the Dutch text for code is in calculator-guard.js). A worker nobody took over
   by the page's load event (calculator.js did not load) is stopped: no download for nothing.
   A module worker: the only kind Pyodide's next line (Python 3.14) runs in (zorgcalc-worker.js).
   slowConnection: where the browser says the connection is slow or the visitor asked to save data
   (Network Information API, Chromium only), the snapshot is not even considered (snapshotUrl null);
   everywhere else the worker measures the line (zorgcalc-worker.js, measureLine). */
(function (root) {
  "use strict";
  function slowConnection() {
    var c = navigator.connection;
    return !!(c && (c.saveData || /(^|-)(2g|3g)$/.test(c.effectiveType || "")));
  }
  function start() {
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      return { code: "unsupported", detail: "WebAssembly: " + typeof WebAssembly + ", Worker: " + typeof Worker };
    }
    var manifest = JSON.parse(root.getAttribute("data-engine-manifest"));
    var base = new URL(".", new URL(root.getAttribute("data-engine"), window.location.href)).href;
    var config = window.zorgcalcConfig || {};
    var queue = [];
    var handlers = null;
    var worker = new Worker(root.getAttribute("data-worker"), { type: "module" });
    worker.onmessage = function (e) { if (handlers) { handlers[0](e); } else { queue.push(["message", e]); } };
    worker.onerror = function (e) {
      e.preventDefault();
      if (handlers) { handlers[1](e); } else { queue.push(["error", e]); }
    };
    worker.postMessage({
      type: "init", pyodideBase: base + manifest.pyodide, wheelUrl: base + manifest.wheel,
      stdlibUrl: manifest.stdlib ? base + manifest.stdlib : null, lock: manifest.lock || null,
      snapshotStatic: manifest.snapshot_static || null,
      icsWheels: (manifest.ics_wheels || []).map(function (w) { return base + w; }),
      context: root.querySelector("script.zc-context").textContent, stallMs: config.stallTimeoutMs || null,
      snapshotUrl: config.snapshots !== false && manifest.snapshot && !slowConnection() ? base + manifest.snapshot : null,
      snapshotBytes: manifest.snapshot_bytes || null,
      measure: config.start !== "snapshot"
    });
    var started = {
      worker: worker,
      adopt: function (onMessage, onError) {
        handlers = [onMessage, onError];
        queue.splice(0).forEach(function (q) { (q[0] === "message" ? onMessage : onError)(q[1]); });
      }
    };
    window.addEventListener("load", function () {
      window.setTimeout(function () { if (!handlers) { worker.terminate(); } }, 0);
    });
    return started;
  }
  try { root.zcStarted = start(); } catch (err) { root.zcStarted = { code: "runtime", detail: String(err && err.message || err) }; }
})(document.currentScript.parentNode);
