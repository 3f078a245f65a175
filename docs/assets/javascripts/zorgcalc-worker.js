/* Web Worker that runs the zorgcalc calculators in Pyodide (self-hosted, same origin).
   Plain postMessage, no SharedArrayBuffer: works without COOP/COEP headers and inside iframes.

   Messages in:  {type: "init", pyodideBase, wheelUrl, stdlibUrl, lock, snapshotUrl, snapshotStatic, snapshotBytes,
                  measure, icsWheels, context, stallMs}
                 {type: "run", id, calculator, inputs, context}   (inputs, context: JSON text)
                 {type: "ics", id, calculator, inputs}
   Messages out: {type: "progress", stage}  {type: "line", choice}  {type: "ready", ms, snapshot}
                 {type: "warm", runs, ended}   (warmUp, after the first result)
                 {type: "failed", code, message}
                 {type: "result", id, json, html, ms, ics}  {type: "error", id, code, message}
   message is technical detail (English); the page shows its own Dutch text for each code.  */
"use strict";

var ready = null;
var py = null;
var runJson = null;
var renderJson = null;
var warmUpInputs = null;
var requests = 0; // run and ics requests received (warmUp runs only while there was one)
var icsWheels = [];
var icsReady = null;
var context = null; // the page's render context (norm links), sent once with init
var fatal = null; // rejects as soon as the runtime is known to have failed (watchRuntime)
var fatalError = null;
var failStart = function () {}; // rejects `fatal` (set by watchRuntime)
var lock = null; // the lock file as engine.json carries it, checked here (checkedLock)

function post(message) { self.postMessage(message); }

var SNAPSHOT_TIMEOUT_MS = 20000;
/* What the snapshot saves: a plain start (interpreter start, the calculators imported) less a
   restore, about 450 ms on the 2-core machine the benchmark runs on, now that the standard library
   comes precompiled (build_scripts/engine.py, trimmed_zip). Measured on loopback, 3 cold visits
   each, median (stop 25 of issue 16): first result 2.39 s plain against 1.94 s from the snapshot
   (worker init to ready 1.69 s against 1.28 s). With the sources it was 1.5 s (plain 3.57 s to
   ready). A slower processor saves more, so on a phone this undercounts the gain: the choice it
   tips is the plain start, never slower than the baseline. */
var SNAPSHOT_SAVES_MS = 450;
// A download that brings no byte for this long has stalled (the page may pass a shorter stallMs).
var STALL_MS = 15000;
// Names the page calls; the memory snapshot already holds them (build_scripts/make_snapshot.mjs).
var IMPORTS = "from zorgcalc.web import run_json, warm_up_inputs\nfrom zorgcalc.render_html import render_json\n";

/* Pyodide's memory snapshot (a private, experimental API) lets the worker skip starting the
   interpreter and importing the calculators: it restores an interpreter that the build already
   started, with every calculator imported (build_scripts/make_snapshot.mjs). The file is
   gzip-compressed and unpacked here, so it is equally small on every host. It lives under the
   wheel's content-addressed path, so it is cached like the wheel and never outlives it. Anything
   that goes wrong (no DecompressionStream, a failed download, a snapshot the runtime refuses, a
   restore that hangs) falls back to a normal start. */
async function fetchSnapshot(url, staticData) {
  if (typeof DecompressionStream !== "function") { throw new Error("no DecompressionStream"); }
  var response = await fetch(url);
  if (!response.ok) { throw new Error("snapshot " + response.status); }
  var bytes = new Uint8Array(await response.arrayBuffer());
  // Still gzip (magic 1f 8b) unless the host sent it with Content-Encoding and the browser unpacked it.
  bytes = await gunzipped(bytes);
  // Pyodide waits forever on a file that is no snapshot at all: check its magic first, "\0snd" for
  // the published delta (undone here), "\0snp" for a snapshot as Pyodide writes it.
  var magic = bytes.length >= 1000000 && bytes[0] === 0 && bytes[1] === 0x73 && bytes[2] === 0x6e ? bytes[3] : 0;
  if (magic === 0x64) { bytes = undoDelta(bytes, new Uint8Array(await wasmBytes), staticData); }
  else if (magic !== 0x70) { throw new Error("not a memory snapshot (" + bytes.length + " bytes)"); }
  return bytes;
}

/* GitHub Pages publishes the snapshot, the trimmed standard library and the wheel as their .gz
   copies (build_scripts/github_pages.py) and sends them without Content-Encoding: unpack them here.
   Elsewhere the host sends the .br or .gz copy with Content-Encoding and the browser unpacks it. */
async function gunzipped(bytes) {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) { return bytes; }
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).arrayBuffer());
}

function isGzipUrl(url) { return /\.gz$/.test(String(url).split("?")[0]); }

/* The published snapshot holds the runtime's static data XORed with the data segment of
   pyodide.asm.wasm (build_scripts/snapshot_delta.py): nearly all zeros, 0.85 MB less to download.
   XOR it back with the wasm this worker fetched anyway (wasmBytes), in place, and restore the magic
   "\0snp" that Pyodide checks. staticData says where: {wasm_offset, length, memory_offset}. */
function undoDelta(bytes, wasm, staticData) {
  if (!staticData || wasm.length < staticData.wasm_offset + staticData.length) {
    throw new Error("snapshot delta without its static data");
  }
  var header = new DataView(bytes.buffer, bytes.byteOffset, 8).getUint32(4, true);
  var start = header + staticData.memory_offset;
  if (start + staticData.length > bytes.length) { throw new Error("snapshot delta too short"); }
  var seg = wasm.subarray(staticData.wasm_offset, staticData.wasm_offset + staticData.length);
  var part = bytes.subarray(start, start + staticData.length);
  for (var i = 0; i < seg.length; i++) { part[i] ^= seg[i]; }
  bytes[3] = 0x70;
  return bytes;
}

/* The bytes of pyodide.asm.wasm, read from a copy of Pyodide's own download (watchRuntime), for
   undoDelta; resolved by the first request for it. */
var wasmSeen = null;
var wasmBytes = new Promise(function (resolve) { wasmSeen = resolve; });
wasmBytes.catch(function () { /* a failed wasm download fails the start itself */ });

function fileName(url) { return String(url).split("?")[0].split("/").pop(); }

/* Issue 17: loadPyodide never settles when one of its files fails (it logs "wasm instantiation
   failed!" and waits); the page's watchdog then reported it after a minute. Watch the runtime's
   own requests and that warning, so a failure is known (and reported) as soon as it happens.
   The calendar's wheels are followed too, after the start: a stalled one is cancelled, so that
   Pyodide's package loader gives up on it (and lets a later attempt through) instead of waiting. */
function watchRuntime(config) {
  var stallMs = config.stallMs || STALL_MS;
  fatal = new Promise(function (resolve, reject) { failStart = function (err) { fatalError = fatalError || err; reject(err); }; });
  fatal.catch(function () { /* raced in init */ });
  var runtime = [config.pyodideBase, config.wheelUrl].concat(config.stdlibUrl ? [config.stdlibUrl] : []);
  var calendar = config.icsWheels || [];
  var realFetch = self.fetch;
  self.fetch = function (input, init) {
    var url = typeof input === "string" ? input : (input && input.url) || String(input);
    if (early[url]) { var fetched = early[url]; delete early[url]; return fetched; } // prefetch()
    var starts = function (w) { return url.indexOf(w) === 0; };
    var isCalendar = calendar.some(starts);
    if (!isCalendar && !runtime.some(starts)) { return realFetch.apply(this, arguments); }
    var cancel = null;
    if (isCalendar && typeof AbortController === "function" && !(init && init.signal) && !(input instanceof Request)) {
      var controller = new AbortController();
      init = Object.assign({}, init, { signal: controller.signal });
      cancel = function () { controller.abort(); };
    }
    var response = realFetch.call(this, input, init);
    var original = response;
    if (url === config.stdlibUrl && isGzipUrl(url)) { // Pyodide reads it: hand it the unpacked zip
      response = response.then(function (r) {
        if (!r.ok || !r.body) { return r; }
        // a copy: the original stays unread for follow() below to copy as well
        return new Response(r.clone().body.pipeThrough(new DecompressionStream("gzip")), { status: r.status, statusText: r.statusText });
      });
    }
    if (url === config.pyodideBase + "pyodide.asm.wasm") {
      response.then(function (r) { wasmEncoding = r.headers.get("content-encoding"); }, function () {});
    }
    // only a worker that restores the snapshot needs the wasm's bytes: the plain one keeps none
    if (config.snapshotUrl && url === config.pyodideBase + "pyodide.asm.wasm" && wasmSeen) {
      wasmSeen(response.then(function (r) { return r.clone().arrayBuffer(); }));
      wasmSeen = null;
    }
    follow(url, original, stallMs).catch(function (e) {
      if (isCalendar) { if (cancel) { cancel(); } return; } // the loader reports it (loadIcs)
      failStart(codeError(e && e.zcCode, fileName(url) + ": " + (e && e.message || e)));
    });
    return response;
  };
  var warn = console.warn;
  console.warn = function () {
    var text = Array.prototype.map.call(arguments, String).join(" ");
    if (/wasm instantiation failed/.test(text)) {
      setTimeout(function () { failStart(new Error("pyodide.asm.wasm: " + (lastWarning || "instantiation failed"))); }, 0);
    } else { lastWarning = text; }
    return warn.apply(console, arguments);
  };
  var lastWarning = "";
  self.addEventListener("unhandledrejection", function (e) {
    if (runJson) { return; } // only while starting: a rejection then is the start failing
    e.preventDefault(); // reported to the page as "failed", in Dutch there
    failStart(new Error("while starting: " + String(e.reason && e.reason.message || e.reason)));
  });
}

/* The files both ways of starting need (runtime, standard library) are requested at once,
   before Pyodide is even imported; Pyodide's own request for each gets that response (the fetch
   wrapper above hands it over once). So they download while the worker decides how to start. */
var early = {};
var shared = null; // {at: when they were requested, responses: [...]} (measureLine)
var wasmEncoding = null; // the Content-Encoding the host sent pyodide.asm.wasm with (measureLine)
function sharedFiles(config) {
  return [config.pyodideBase + "pyodide.asm.wasm", config.stdlibUrl || config.pyodideBase + "python_stdlib.zip"];
}
function prefetch(config) {
  shared = { at: performance.now(), responses: [] };
  sharedFiles(config).forEach(function (url) {
    var response = self.fetch(url);
    response.catch(function () { /* reported by follow(); Pyodide's own request gets this rejection */ });
    early[url] = response;
    shared.responses.push(response);
  });
}

function codeError(code, message) {
  var err = new Error(message);
  if (code) { err.zcCode = code; }
  return err;
}

/* Issue 17: a file whose server sent the headers and then nothing kept the start waiting for the
   page's 60 s watchdog. Each watched download is followed on a copy of its body (read as it comes
   and dropped, so it holds no memory): it rejects with code "stalled" when no byte arrives for
   stallMs (counted from the request, the headers and each chunk; a timer that fires late because
   the worker was busy looks once more, 100 ms later), and at once when the answer is
   an HTTP error, is cut off, or is a zip or wheel that does not start with "PK". Pyodide reads the
   original, untouched. */
function follow(url, response, stallMs) {
  var timer = null;
  var stalled = new Promise(function (resolve, reject) {
    var arm = function (ms, graced) {
      var due = performance.now() + ms;
      timer = setTimeout(function () {
        // late by more than a second: the worker itself was busy, and bytes that came meanwhile
        // may still wait to be read; look once more after they have had their turn
        if (!graced && performance.now() - due > 1000) { arm(100, true); return; }
        reject(codeError("stalled", "no data for " + stallMs + " ms"));
      }, ms);
    };
    var poke = function () { clearTimeout(timer); arm(stallMs, false); };
    poke();
    var zip = /\.(zip|whl)$/.test(url.split("?")[0]);
    var head = [];
    response.then(function (r) {
      if (!r.ok) { throw new Error("HTTP " + r.status); }
      poke();
      if (!r.body) { return null; }
      var reader = r.clone().body.getReader();
      var next = function () {
        return reader.read().then(function (chunk) {
          if (chunk.done) { return null; }
          poke();
          if (zip && head.length < 2) {
            for (var i = 0; i < chunk.value.length && head.length < 2; i++) { head.push(chunk.value[i]); }
            if (head.length === 2 && (head[0] !== 0x50 || head[1] !== 0x4b)) {
              reader.cancel().catch(function () {});
              throw new Error("not a zip file");
            }
          }
          return next();
        });
      };
      return next();
    }).then(resolve, reject);
  });
  var done = function () { clearTimeout(timer); };
  stalled.then(done, done);
  return stalled;
}

/* Pyodide's lock file comes with the page (engine.json's `lock`, build_scripts/engine.py): the
   distribution's `info`, whose ABI Pyodide checks, and no packages, since the site serves none of
   them (the wheels are loaded by URL). So Pyodide does not fetch pyodide-lock.json (23 KB brotli
   of packages this site does not have) and never parses a lock file inside the worker, where a
   Response.json() that rejects surfaced as an uncaught error of the page. Anything that is not such
   a lock fails the start at once, before Pyodide is given it. */
function checkedLock(given) {
  if (!given || typeof given.packages !== "object" || !given.info || !given.info.abi_version) {
    throw new Error("engine.json: no Pyodide lock file (packages, info.abi_version)");
  }
  return given;
}

async function start(config, snapshot) {
  // packageBaseUrl: where Pyodide would look for packages by name (it derives it from the lock
  // file's URL, which it no longer has); never the CDN it would otherwise fall back to.
  var options = { indexURL: config.pyodideBase, lockFileContents: lock, packageBaseUrl: config.pyodideBase };
  // the trimmed standard library (build_scripts/engine.py); the snapshot was made with the same zip
  if (config.stdlibUrl) { options.stdLibURL = config.stdlibUrl; }
  if (snapshot) {
    // The snapshot holds every module of the wheel imported (build_scripts/make_snapshot.mjs fails
    // the build otherwise), and the wheel holds nothing else: a snapshot start needs none of its
    // files, and downloads 0.15 MB less.
    options._loadSnapshot = snapshot;
    return Promise.race([self.loadPyodide(options), fatal]);
  }
  var wheel = fetch(config.wheelUrl).then(function (r) {
    if (!r.ok) { throw new Error("wheel " + r.status); }
    return r.arrayBuffer();
  }).then(function (buffer) { return gunzipped(new Uint8Array(buffer)); });
  var pyodide = await Promise.race([self.loadPyodide(options), fatal]);
  post({ type: "progress", stage: "calculators" });
  // Unpack the wheel into site-packages; unpackArchive keeps no JavaScript references in Python.
  try { pyodide.unpackArchive(await Promise.race([wheel, fatal]), "wheel"); }
  catch (e) { fatalError = fatalError || new Error(fileName(config.wheelUrl) + ": " + (e && e.message || e)); throw fatalError; }
  pyodide.runPython(IMPORTS);
  return pyodide;
}

/* Whether the snapshot pays on this line, measured instead of guessed (issue 16): the files both
   ways need are downloading already, and how fast they come is the line's speed (the Network
   Information API, which Firefox and Safari lack, is not needed). The snapshot is fetched only when
   its download is expected to take less than the CPU it saves (SNAPSHOT_SAVES_MS); otherwise the
   plain start goes on and the snapshot is never requested. Two ways to know:
   - the first of them to arrive over the line (the standard library, 0.9 MB, before the 2.4 MB
     wasm): its bytes over the time it took, times the number of them that shared the line with
     it (it had 1/n of it), is the speed. Deciding on the first and not on all of them lets the
     snapshot share the line with the rest of the wasm instead of waiting for it: on the bench's
     50 Mbit/s line the snapshot then arrives ~0.25 s sooner. The time it took includes the
     request's round trip, so the speed is underestimated, never over: on a doubtful line the
     plain start wins;
   - they have not arrived by the time in which, at the slowest speed at which the snapshot would
     still pay, they would have (their sizes from Content-Length, against the snapshot's as
     engine.json gives it): the line is too slow, and the plain start begins at once, while they
     are still coming, instead of after them.
   Files from the cache say nothing about the line; when all came from there, the snapshot is used
   only if it is in the cache too (an earlier visit chose it: init). Resolves {snapshot, kbps?,
   expectMs?, savesMs?, sharedBy?, slow?, cached?, afterMs?}; without Resource Timing: snapshot (the plain start stays its fallback). */
function measureLine(config) {
  var wanted = sharedFiles(config);
  var sizes = config.snapshotBytes || {};
  var snapshotBytes = function () { // it comes as the wasm came: brotli where the host sent that, else gzip
    return (wasmEncoding === "br" && !isGzipUrl(config.snapshotUrl) ? sizes.br : sizes.gz) || 0;
  };
  return new Promise(function (resolve) {
    if (typeof PerformanceObserver !== "function") { resolve({ snapshot: true }); return; }
    var timer = null;
    var seen = {};
    var observer = new PerformanceObserver(function (list) {
      var arrived = null; // the first that came over the line (not from the cache)
      list.getEntries().forEach(function (e) {
        if (wanted.indexOf(e.name) === -1 || seen[e.name]) { return; }
        seen[e.name] = e;
        if (!arrived && e.transferSize > 0) { arrived = e; }
      });
      var count = Object.keys(seen).length;
      if (!arrived && count < wanted.length) { return; }
      observer.disconnect();
      clearTimeout(timer);
      // from the cache (nothing transferred) they say nothing about the line
      if (!arrived) { resolve({ snapshot: false, cached: true }); return; }
      // all of them here at once: their bytes over the time from the first request to the last byte
      var entries = count < wanted.length ? [arrived] :
        wanted.map(function (u) { return seen[u]; }).filter(function (e) { return e.transferSize > 0; });
      var sharedBy = 1 + wanted.length - count; // the first to arrive, and those still coming
      var bytes = entries.reduce(function (n, e) { return n + (e.encodedBodySize || 0); }, 0);
      var first = Math.min.apply(null, entries.map(function (e) { return e.startTime; }));
      var last = Math.max.apply(null, entries.map(function (e) { return e.responseEnd; }));
      var perMs = bytes * sharedBy / Math.max(last - first, 1);
      var expectMs = snapshotBytes() / Math.max(perMs, 1e-9);
      resolve({ snapshot: expectMs < SNAPSHOT_SAVES_MS, kbps: Math.round(perMs * 8), expectMs: Math.round(expectMs),
        savesMs: SNAPSHOT_SAVES_MS, sharedBy: sharedBy, afterMs: Math.round(performance.now() - shared.at) });
    });
    observer.observe({ type: "resource", buffered: true });
    Promise.all(shared.responses).then(function (responses) {
      var lengths = responses.map(function (r) { return Number(r.headers.get("content-length")) || 0; });
      if (lengths.indexOf(0) !== -1 || !snapshotBytes()) { return; } // unknown: wait for them all
      var total = lengths.reduce(function (a, b) { return a + b; }, 0);
      var deadline = shared.at + SNAPSHOT_SAVES_MS * total / snapshotBytes();
      timer = setTimeout(function () {
        observer.disconnect();
        resolve({ snapshot: false, slow: true, savesMs: SNAPSHOT_SAVES_MS, afterMs: Math.round(performance.now() - shared.at) });
      }, Math.max(deadline - performance.now(), 0));
    }, function () { /* a failed download fails the start itself (follow) */ });
  });
}

function inCache(url) {
  return fetch(url, { cache: "only-if-cached", mode: "same-origin" })
    .then(function (r) { if (r.body) { r.body.cancel().catch(function () {}); } return r.ok; }, function () { return false; });
}

async function init(config) {
  var started = performance.now();
  context = config.context || null;
  icsWheels = config.icsWheels || [];
  post({ type: "progress", stage: "runtime" });
  watchRuntime(config);
  lock = checkedLock(config.lock);
  prefetch(config);
  try { self.loadPyodide = (await import(config.pyodideBase + "pyodide.mjs")).loadPyodide; }
  catch (e) { throw new Error("pyodide.mjs: " + (e && e.message || e)); }
  var fromSnapshot = false;
  var line = config.snapshotUrl && config.measure ? await Promise.race([measureLine(config), fatal]) : null;
  // in the cache already, the snapshot costs no download on any line
  if (line && !line.snapshot && await inCache(config.snapshotUrl)) { line.snapshot = true; line.inCache = true; }
  if (line) { post({ type: "line", choice: line }); }
  if (line && !line.snapshot) { wasmBytes = null; } // the copy kept for undoDelta: not needed
  if (config.snapshotUrl && (!line || line.snapshot)) {
    var snapshot = fetchSnapshot(config.snapshotUrl, config.snapshotStatic);
    snapshot.catch(function () { /* handled where start() awaits it */ });
    var giveUp = new Promise(function (resolve, reject) {
      setTimeout(function () { reject(new Error("snapshot start timed out")); }, SNAPSHOT_TIMEOUT_MS);
    });
    // loadPyodide does not settle when the snapshot promise it was given rejects: race it too
    var brokenSnapshot = snapshot.then(function () { return new Promise(function () {}); });
    try { py = await Promise.race([start(config, snapshot), brokenSnapshot, giveUp]); fromSnapshot = true; }
    catch (e) {
      if (fatalError) { throw fatalError; } // the runtime itself failed: no second attempt
      console.warn("zorgcalc: memory snapshot not used, starting normally: " + e);
      py = null;
    }
  }
  if (!py) { py = await start(config, null); }
  runJson = py.globals.get("run_json");
  renderJson = py.globals.get("render_json");
  warmUpInputs = py.globals.get("warm_up_inputs");
  post({ type: "ready", ms: performance.now() - started, snapshot: fromSnapshot });
}

/* After the first result, while the visitor reads it: run the calculator on its defaults and
   examples (zorgcalc.web.warm_up_inputs), one run per task, for at most WARM_UP_MS, so the
   runtime's code reaches its fast tier before the visitor's first changes instead of during them
   (they ran 2.5x slower than later ones). It stops for good at the page's next request, so it
   delays a change by at most the one run in progress (a few ms); its results are never posted. */
var WARM_UP_MS = 600;
function warmUp(calculator) {
  var inputs = [];
  var i = 0;
  var done = function (why) { post({ type: "warm", runs: i, ended: why }); };
  try { var list = warmUpInputs(calculator); inputs = list.toJs(); list.destroy(); }
  catch (e) { done("no inputs: " + (e && e.message || e)); return; }
  if (!inputs.length) { done("no inputs"); return; }
  var until = performance.now() + WARM_UP_MS;
  var step = function () {
    if (requests !== 1) { done("request"); return; }
    if (performance.now() > until) { done("time"); return; }
    try {
      var json = runJson(calculator, inputs[i % inputs.length]);
      if (context) { renderJson(json, context); }
    } catch (e) { done("failed"); return; } // it only warms: a failure here is the next real run's to report
    i += 1;
    setTimeout(step, 0);
  };
  setTimeout(step, 0);
}

/* icalendar and its dependencies load only when someone downloads a calendar file. A failed load
   (offline) is forgotten, so the next request tries again; icalendar must import afterwards. */
function loadIcs() {
  if (!icsReady) {
    var problems = [];
    icsReady = py.loadPackage(icsWheels, { messageCallback: function () {}, errorCallback: function (m) { problems.push(String(m)); } })
      .then(function () {
        try { py.runPython("import importlib\nimportlib.invalidate_caches()\nimport icalendar"); }
        catch (e) { throw new Error("icalendar: " + (problems.join("; ") || String(e.message).split("\n").slice(-2).join(" "))); }
        return py.runPython("from zorgcalc.web import ics\nics");
      });
    icsReady.catch(function () { icsReady = null; });
  }
  return icsReady;
}

function postError(id, code, err) {
  post({ type: "error", id: id, code: code, message: String(err && err.message || err).slice(0, 2000) });
}

self.onmessage = function (event) {
  var msg = event.data || {};
  if (msg.type === "init") {
    if (!ready) {
      ready = init(msg).catch(function (err) {
        post({ type: "failed", code: err && err.zcCode || "runtime", message: String(err && err.message || err).slice(0, 2000) });
        return Promise.reject(err);
      });
      ready.catch(function () { /* reported above; not an uncaught error */ });
    }
    return;
  }
  var job = ready || Promise.reject(new Error("not initialised"));
  requests += 1; // from the second on, the visitor is here: warmUp is done for good
  if (msg.type === "run") {
    job.then(function () {
      var t0 = performance.now();
      var json = runJson(msg.calculator, msg.inputs);
      var ctx = msg.context || context;
      var html = ctx ? renderJson(json, ctx) : null;
      post({ type: "result", id: msg.id, json: json, html: html, ms: performance.now() - t0 });
      if (requests === 1) { warmUp(msg.calculator); }
    }).catch(function (err) { postError(msg.id, "compute", err); });
  } else if (msg.type === "ics") {
    job.then(function () {
      return loadIcs().catch(function (err) { err.zcCode = "ics-load"; throw err; });
    }).then(function (icsFn) {
      post({ type: "result", id: msg.id, ics: icsFn(msg.calculator, msg.inputs) });
    }).catch(function (err) { postError(msg.id, err && err.zcCode || "ics-failed", err); });
  }
};
