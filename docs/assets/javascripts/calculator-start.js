/* Starts a calculator's worker while the page is still loading (issue 16: on a 50 Mbit/s line the
   deferred calculator.js ran only ~450 ms after navigation, behind the theme's script, and the
   worker's downloads waited for it). The build inlines this file at the end of the page's head,
   after the stylesheets (build_scripts/calculator_pages.py, start_element; build_scripts/start_hook.py
   moves it there from the widget's snippet; embed pages have it there themselves), so it runs as soon
   as the stylesheets are in, before the parser has reached the body: in the body it ran only after
   the header, the navigation and the introduction were parsed and painted, 100-200 ms later. It
   reads what it needs from its own element (data-calculator, data-worker, data-engine,
   data-engine-manifest) and the JSON context next to it (script.zc-context with the same
   data-calculator). The Content-Security-Policy allows it by its hash (deploy/nginx.conf,
   deploy/_headers; tests/deploy names a missing one). It holds no comment after this one and no "</".
   It leaves window.zorgcalcStarted[calculator]: {worker, adopt(onMessage, onError)} (calculator.js,
   Calculator.start, takes the worker over and gets every message it posted meanwhile), or
   {code, detail} when it cannot start (the Dutch text for code is in calculator-guard.js). A worker
   nobody took over by the page's load event (calculator.js did not load) is stopped: no download
   for nothing.
   A module worker: the only kind Pyodide's next line (Python 3.14) runs in (zorgcalc-worker.js).
   slowConnection: where the browser says the connection is slow or the visitor asked to save data
   (Network Information API, Chromium only), the snapshot is not even considered (snapshotUrl null);
   everywhere else the worker measures the line (zorgcalc-worker.js, measureLine). */
(function (script) {
  "use strict";
  var calculator = script.getAttribute("data-calculator");
  function slowConnection() {
    var c = navigator.connection;
    return !!(c && (c.saveData || /(^|-)(2g|3g)$/.test(c.effectiveType || "")));
  }
  function start() {
    if (typeof WebAssembly !== "object" || typeof Worker !== "function") {
      return { code: "unsupported", detail: "WebAssembly: " + typeof WebAssembly + ", Worker: " + typeof Worker };
    }
    var manifest = JSON.parse(script.getAttribute("data-engine-manifest"));
    var base = new URL(".", new URL(script.getAttribute("data-engine"), window.location.href)).href;
    var context = document.querySelector('script.zc-context[data-calculator="' + calculator + '"]');
    var config = window.zorgcalcConfig || {};
    var queue = [];
    var handlers = null;
    var worker = new Worker(script.getAttribute("data-worker"), { type: "module" });
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
      context: context.textContent, stallMs: config.stallTimeoutMs || null,
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
  var all = window.zorgcalcStarted = window.zorgcalcStarted || {};
  try { all[calculator] = start(); } catch (err) { all[calculator] = { code: "runtime", detail: String(err && err.message || err) }; }
})(document.currentScript);
