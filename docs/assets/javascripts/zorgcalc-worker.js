/* Web Worker that runs the zorgcalc calculators in Pyodide (self-hosted, same origin).
   Plain postMessage, no SharedArrayBuffer: works without COOP/COEP headers and inside iframes.

   Messages in:  {type: "init", pyodideBase, wheelUrl, snapshotUrl, icsWheels, context}
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

var SNAPSHOT_TIMEOUT_MS = 20000;
// Names the page calls; the memory snapshot already holds them (build_scripts/make_snapshot.mjs).
var IMPORTS = "from zorgcalc.web import run_json\nfrom zorgcalc.render_html import render_json\n";

/* Pyodide's memory snapshot (a private, experimental API) lets the worker skip starting the
   interpreter and importing the calculators: it restores an interpreter that the build already
   started, with every calculator imported (build_scripts/make_snapshot.mjs). The file is
   gzip-compressed and unpacked here, so it is equally small on every host. It lives under the
   wheel's content-addressed path, so it is cached like the wheel and never outlives it. Anything
   that goes wrong (no DecompressionStream, a failed download, a snapshot the runtime refuses, a
   restore that hangs) falls back to a normal start. */
async function fetchSnapshot(url) {
  if (typeof DecompressionStream !== "function") { throw new Error("no DecompressionStream"); }
  var response = await fetch(url);
  if (!response.ok) { throw new Error("snapshot " + response.status); }
  var bytes = new Uint8Array(await response.arrayBuffer());
  // Still gzip (magic 1f 8b) unless the host sent it with Content-Encoding and the browser unpacked it.
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    bytes = new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
  }
  // Pyodide waits forever on a file that is no snapshot at all: check its magic ("\0snp") first.
  if (bytes.length < 1000000 || bytes[0] !== 0 || bytes[1] !== 0x73 || bytes[2] !== 0x6e || bytes[3] !== 0x70) {
    throw new Error("not a memory snapshot (" + bytes.length + " bytes)");
  }
  return bytes;
}

async function start(config, snapshot) {
  var options = { indexURL: config.pyodideBase };
  if (snapshot) { options._loadSnapshot = snapshot; }
  var wheel = fetch(config.wheelUrl).then(function (r) {
    if (!r.ok) { throw new Error("wheel " + r.status); }
    return r.arrayBuffer();
  });
  var pyodide = await self.loadPyodide(options);
  post({ type: "progress", stage: "calculators" });
  // Unpack the wheel into site-packages. Files live outside the memory snapshot (in the file
  // system), so this runs on every start; unpackArchive keeps no JavaScript references in Python.
  pyodide.unpackArchive(await wheel, "wheel");
  if (!snapshot) { pyodide.runPython(IMPORTS); }
  return pyodide;
}

async function init(config) {
  var started = performance.now();
  context = config.context || null;
  icsWheels = config.icsWheels || [];
  post({ type: "progress", stage: "runtime" });
  importScripts(config.pyodideBase + "pyodide.js");
  var fromSnapshot = false;
  if (config.snapshotUrl) {
    var snapshot = fetchSnapshot(config.snapshotUrl);
    snapshot.catch(function () { /* handled where start() awaits it */ });
    var giveUp = new Promise(function (resolve, reject) {
      setTimeout(function () { reject(new Error("snapshot start timed out")); }, SNAPSHOT_TIMEOUT_MS);
    });
    // loadPyodide does not settle when the snapshot promise it was given rejects: race it too
    var brokenSnapshot = snapshot.then(function () { return new Promise(function () {}); });
    try { py = await Promise.race([start(config, snapshot), brokenSnapshot, giveUp]); fromSnapshot = true; }
    catch (e) {
      console.warn("zorgcalc: memory snapshot not used, starting normally: " + e);
      py = null;
    }
  }
  if (!py) { py = await start(config, null); }
  runJson = py.globals.get("run_json");
  renderJson = py.globals.get("render_json");
  post({ type: "ready", ms: performance.now() - started, snapshot: fromSnapshot });
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
