/* Web Worker that runs the zorgcalc calculators in Pyodide (self-hosted, same origin).
   Plain postMessage, no SharedArrayBuffer: works without COOP/COEP headers and inside iframes.

   Messages in:  {type: "init", pyodideBase, wheelUrl, icsWheels}
                 {type: "run", id, calculator, inputs, context}   (inputs, context: JSON text)
                 {type: "ics", id, calculator, inputs}
   Messages out: {type: "progress", stage}  {type: "ready", ms}  {type: "failed", message}
                 {type: "result", id, json, html, ms, ics}  {type: "error", id, message}     */
"use strict";

var ready = null;
var py = null;
var runJson = null;
var renderJson = null;
var icsWheels = [];
var icsReady = null;
var context = null; // the page's render context (norm links), sent once with init

function post(message) { self.postMessage(message); }

var SNAPSHOT_CACHE = "zorgcalc-snapshot-v1";
var SNAPSHOT_TIMEOUT_MS = 20000;
var QUIET = { messageCallback: function () {}, errorCallback: function () {} };
// Import every calculator (the registry imports lazily) and run each once, so that a memory
// snapshot holds them all, compiled and warm.
var WARM_UP = "import json\nfrom zorgcalc.registry import CALCULATORS, load\nfrom zorgcalc.web import run_json\n" +
  "from zorgcalc.render_html import render_json\n" +
  "for _c in CALCULATORS:\n    _m = load(_c)\n    render_json(run_json(_c, json.dumps(_m.DEFAULT_INPUTS)), '{}')\n";

/* Pyodide's memory snapshot (a private, experimental API) lets a later visit skip starting the
   interpreter and importing the calculators. The first visit loads normally and stores a
   snapshot in the browser's Cache Storage, keyed by the Pyodide and wheel URLs (both versioned),
   so a new release never meets an old snapshot. Any failure falls back to a normal start. */
async function cachedSnapshot(key) {
  try {
    var cache = await caches.open(SNAPSHOT_CACHE);
    var hit = await cache.match(key);
    return hit ? new Uint8Array(await hit.arrayBuffer()) : null;
  } catch (e) { return null; }
}

async function storeSnapshot(key, bytes) {
  try {
    var cache = await caches.open(SNAPSHOT_CACHE);
    (await cache.keys()).forEach(function (req) { if (req.url !== key) { cache.delete(req); } });
    await cache.put(key, new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
    post({ type: "snapshot", stored: true });
  } catch (e) {
    console.warn("zorgcalc: snapshot not stored: " + e);
    post({ type: "snapshot", stored: false });
  }
}

async function start(config, snapshot) {
  var options = { indexURL: config.pyodideBase };
  if (snapshot) { options._loadSnapshot = snapshot; } else if (config.snapshots) { options._makeSnapshot = true; }
  var wheel = fetch(config.wheelUrl).then(function (r) {
    if (!r.ok) { throw new Error("wheel " + r.status); }
    return r.arrayBuffer();
  });
  var pyodide = await self.loadPyodide(options);
  post({ type: "progress", stage: "calculators" });
  // Unpack the wheel into site-packages. The files live outside the memory snapshot (in the
  // file system), so this runs on every start; unpackArchive keeps no JavaScript references in
  // Python, which a snapshot would not allow (loadPackage does).
  pyodide.unpackArchive(await wheel, "wheel");
  pyodide.runPython(WARM_UP);
  return pyodide;
}

async function init(config) {
  var started = performance.now();
  context = config.context || null;
  icsWheels = config.icsWheels || [];
  post({ type: "progress", stage: "runtime" });
  importScripts(config.pyodideBase + "pyodide.js");
  var key = config.wheelUrl + "?pyodide-snapshot";
  var snapshot = config.snapshots && self.caches ? await cachedSnapshot(key) : null;
  var fromSnapshot = false;
  if (snapshot && snapshot.length < 1000000) { snapshot = null; } // not a real snapshot (~20 MB)
  if (snapshot) {
    var giveUp = new Promise(function (resolve, reject) {
      setTimeout(function () { reject(new Error("snapshot start timed out")); }, SNAPSHOT_TIMEOUT_MS);
    });
    try { py = await Promise.race([start(config, snapshot), giveUp]); fromSnapshot = true; }
    catch (e) {
      console.warn("zorgcalc: memory snapshot not used, starting normally: " + e);
      py = null;
      try { await caches.delete(SNAPSHOT_CACHE); } catch (e2) { /* ignore */ }
    }
  }
  if (!py) {
    py = await start(config, null);
    if (config.snapshots && self.caches) { pendingSnapshot = key; }
  }
  bindFunctions();
  post({ type: "ready", ms: performance.now() - started, snapshot: fromSnapshot });
}

function bindFunctions() {
  runJson = py.globals.get("run_json");
  renderJson = py.globals.get("render_json");
}

var pendingSnapshot = null;

/* Taken after the first result is on screen, so the first visit does not wait for it. A snapshot
   may hold no references to JavaScript objects, so the two function proxies are let go first. */
function snapshotNow() {
  var key = pendingSnapshot;
  pendingSnapshot = null;
  var bytes = null;
  try {
    runJson.destroy();
    renderJson.destroy();
    bytes = py.makeMemorySnapshot();
  } catch (e) {
    console.warn("zorgcalc: no memory snapshot: " + e);
  } finally {
    bindFunctions();
  }
  if (bytes) { storeSnapshot(key, bytes); } else { post({ type: "snapshot", stored: false }); }
}

function loadIcs() {
  // icalendar and its dependencies load only when someone downloads a calendar file
  if (!icsReady) {
    icsReady = py.loadPackage(icsWheels, { messageCallback: function () {}, errorCallback: function () {} })
      .then(function () { return py.runPython("from zorgcalc.web import ics\nics"); });
  }
  return icsReady;
}

self.onmessage = function (event) {
  var msg = event.data || {};
  if (msg.type === "init") {
    if (!ready) {
      ready = init(msg).catch(function (err) {
        post({ type: "failed", message: String(err && err.message || err) });
        throw err;
      });
    }
    return;
  }
  var job = ready || Promise.reject(new Error("not initialised"));
  if (msg.type === "run") {
    job.then(function () {
      var t0 = performance.now();
      var json = runJson(msg.calculator, msg.inputs);
      var ctx = msg.context || context;
      var html = ctx ? renderJson(json, ctx) : null;
      post({ type: "result", id: msg.id, json: json, html: html, ms: performance.now() - t0 });
      if (pendingSnapshot) { setTimeout(function () { if (pendingSnapshot) { snapshotNow(); } }, 500); }
    }).catch(function (err) {
      post({ type: "error", id: msg.id, message: String(err && err.message || err) });
    });
  } else if (msg.type === "ics") {
    job.then(loadIcs).then(function (icsFn) {
      post({ type: "result", id: msg.id, ics: icsFn(msg.calculator, msg.inputs) });
    }).catch(function (err) {
      post({ type: "error", id: msg.id, message: String(err && err.message || err) });
    });
  }
};
