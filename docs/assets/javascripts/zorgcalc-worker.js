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

function post(message) { self.postMessage(message); }

async function init(config) {
  var started = performance.now();
  icsWheels = config.icsWheels || [];
  post({ type: "progress", stage: "runtime" });
  importScripts(config.pyodideBase + "pyodide.js");
  py = await self.loadPyodide({ indexURL: config.pyodideBase });
  post({ type: "progress", stage: "calculators" });
  await py.loadPackage(config.wheelUrl, { messageCallback: function () {}, errorCallback: function () {} });
  runJson = py.runPython("from zorgcalc.web import run_json\nrun_json");
  renderJson = py.runPython("from zorgcalc.render_html import render_json\nrender_json");
  post({ type: "ready", ms: performance.now() - started });
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
      var html = msg.context ? renderJson(json, msg.context) : null;
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
