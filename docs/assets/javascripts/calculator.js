/* Calculator pages: the form, the worker that runs the Python calculators in Pyodide, the result.
   Loaded only on calculator pages (and their embed variants). Progressive enhancement: without
   JavaScript, or when Pyodide cannot start, the form and the pre-rendered result stay readable.
   Nothing the user types leaves the browser: the state lives in the URL fragment (#invoer=…),
   which browsers never send to a server. */
(function () {
  "use strict";

  // loadPyodide never settles when WebAssembly is blocked (CSP, wrong MIME type): give up after this.
  // A host page may lower it with window.zorgcalcConfig = {startTimeoutMs: …}.
  // The last resort: the worker itself reports a download that brings no byte for 15 s (its
  // stallMs, lowered with window.zorgcalcConfig.stallTimeoutMs), but not a script it imports
  // (pyodide.mjs, pyodide.asm.js), which the browser fetches without the worker's fetch().
  var START_TIMEOUT_MS = (window.zorgcalcConfig && window.zorgcalcConfig.startTimeoutMs) || 60000;
  var STATE_DELAY_MS = 300;

  /* A field's path comes from the form as a list of keys and row numbers (data-keys, written by
     build_scripts/forms.py from the calculator's declared questions): the script never parses a path. */
  function keysOf(el, attr) { return JSON.parse(el.getAttribute(attr || "data-keys")); }

  function setPath(obj, parts, value) {
    var node = obj;
    for (var i = 0; i < parts.length - 1; i++) {
      var key = parts[i];
      if (node[key] === undefined) { node[key] = typeof parts[i + 1] === "number" ? [] : {}; }
      node = node[key];
    }
    node[parts[parts.length - 1]] = value;
  }

  function getPath(obj, parts) {
    var node = obj;
    for (var i = 0; i < parts.length; i++) {
      if (node === null || node === undefined) { return undefined; }
      node = node[parts[i]];
    }
    return node;
  }

  /* The control with this id, or the closest one above it: "veld-list-2-field" may
     name a row that a link's state did not fill; then its list (veld-list) takes the message. */
  function nearestField(id) {
    var el = document.getElementById(id);
    while (!el && id.lastIndexOf("-") > "veld".length) {
      id = id.slice(0, id.lastIndexOf("-"));
      el = document.getElementById(id);
    }
    return el;
  }

  function compact(value) {
    // drop holes left by removed list rows
    if (Array.isArray(value)) { return value.filter(function (v) { return v !== undefined; }).map(compact); }
    if (value && typeof value === "object") {
      Object.keys(value).forEach(function (k) { value[k] = compact(value[k]); });
    }
    return value;
  }

  /* Read the form into the calculator's JSON inputs. Empty fields are left out (optional);
     numbers the user typed stay text so that Python parses Dutch notation and names the field. */
  function isEmptyRow(row) {
    var texts = row.querySelectorAll('input[type="text"], input[type="date"]:not(.zc-date-native)');
    return texts.length > 0 && Array.prototype.every.call(texts, function (i) { return !i.value.trim(); });
  }

  /* forPython: a text longer than its field's maxlength (only a script can put one there) is sent
     cut to that length plus "…", so that Python still finds it too long and names the field, at the
     field and in the error list, instead of refusing the whole input as too big (a 10 MB name).
     Without it (the link, the address) the form is read as it is, so a link never holds a value
     the visitor did not give. */
  function readForm(form, forPython) {
    var inputs = {};
    var elements = form.querySelectorAll("[data-keys]");
    Array.prototype.forEach.call(elements, function (el) {
      var path = keysOf(el);
      var kind = el.getAttribute("data-kind");
      if (el.hasAttribute("data-form-only") || el.closest("[hidden]")) { return; } // form-only or not relevant now
      var row = el.closest("[data-row]");
      if (row && isEmptyRow(row)) { return; } // an empty list row is no entry
      if (kind === "bool3") {
        var checked = el.querySelector("input:checked");
        if (!checked) { return; }
        var v = checked.value;
        setPath(inputs, path, v === "true" ? true : v === "false" ? false : null);
      } else if (kind === "check") {
        setPath(inputs, path, el.checked);
      } else if (kind === "choice-radio") {
        var picked = el.querySelector("input:checked");
        if (picked) { setPath(inputs, path, picked.value); }
      } else if (kind === "multi") {
        var values = Array.prototype.map.call(el.querySelectorAll("input:checked"), function (c) { return c.value; });
        setPath(inputs, path, values);
      } else {
        var text = (el.value || "").trim();
        if (text === "") { return; }
        if (forPython && el.maxLength > 0 && text.length > el.maxLength) { text = text.slice(0, el.maxLength) + "…"; }
        // only exact integers become numbers; anything else goes as typed, for Python to name (issue 17)
        if (kind === "int" && /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text))) { setPath(inputs, path, Number(text)); }
        else { setPath(inputs, path, text); }
      }
    });
    return compact(inputs);
  }

  function overlong(form) {
    return Array.prototype.some.call(form.querySelectorAll("input[maxlength]"), function (el) { return el.value.length > el.maxLength; });
  }

  function controlValue(form, path) {
    var el = form.querySelector('[data-path="' + path + '"]');
    if (!el) { return null; }
    if (el.matches("fieldset")) {
      var checked = el.querySelector("input:checked");
      return checked ? checked.value : null;
    }
    return el.value;
  }

  /* Show only the fields that matter for the answers given so far (data-show-when="field=a|b"). */
  function applyVisibility(form) {
    Array.prototype.forEach.call(form.querySelectorAll("[data-show-when]"), function (el) {
      var rule = el.getAttribute("data-show-when").split("=");
      var value = controlValue(form, rule[0]);
      el.hidden = rule[1].split("|").indexOf(value) === -1;
    });
  }

  function ensureRows(form, inputs) {
    Array.prototype.forEach.call(form.querySelectorAll("[data-list]"), function (list) {
      var items = getPath(inputs, keysOf(list, "data-list-keys")) || [];
      var rows = list.querySelectorAll("[data-row]");
      var last = rows[rows.length - 1];
      for (var i = rows.length; i < items.length; i++) { last = addRow(list, last, i); }
    });
  }

  function writeForm(form, inputs) {
    ensureRows(form, inputs);
    // a form-only choice follows from what the inputs hold (data-infer: [[value, keys], ...])
    Array.prototype.forEach.call(form.querySelectorAll("[data-infer]"), function (el) {
      keysOf(el, "data-infer").some(function (pair) {
        if (getPath(inputs || {}, pair[1]) === undefined) { return false; }
        var option = el.querySelector('input[value="' + pair[0] + '"]');
        if (option) { option.checked = true; }
        return true;
      });
    });
    Array.prototype.forEach.call(form.querySelectorAll("[data-keys]"), function (el) {
      var kind = el.getAttribute("data-kind");
      if (el.hasAttribute("data-form-only")) { return; }
      var value = getPath(inputs, keysOf(el));
      if (value === undefined && el.hasAttribute("data-default")) { value = JSON.parse(el.getAttribute("data-default")); }
      if (kind === "bool3" || kind === "choice-radio") {
        // unanswered stays unanswered: no option chosen ("weet ik niet" is an answer of its own)
        var want = value === undefined ? null : String(value);
        Array.prototype.forEach.call(el.querySelectorAll("input"), function (r) { r.checked = r.value === want; });
      } else if (kind === "check") {
        el.checked = value === true;
      } else if (kind === "multi") {
        var set = Array.isArray(value) ? value.map(String) : [];
        Array.prototype.forEach.call(el.querySelectorAll("input"), function (c) { c.checked = set.indexOf(c.value) !== -1; });
      } else if (kind === "date") {
        el.value = value === undefined || value === null ? "" : typedDate(String(value));
      } else {
        el.value = value === undefined || value === null ? "" : String(value);
      }
    });
  }

  /* An ISO date (as links, files and examples carry it) as a visitor types it, d-m-yyyy, so that a
     filled-in field, its hint and "Controleer uw antwoorden" all show the Dutch date; any other
     text stays as it was typed (zorgcalc/dates.py reads both). */
  function typedDate(text) {
    var iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
    return iso ? Number(iso[3]) + "-" + Number(iso[2]) + "-" + iso[1] : text;
  }

  function renumberRow(row, index) {
    var list = row.closest("[data-list]");
    var listId = list.id;
    var depth = keysOf(list, "data-list-keys").length; // where the row number sits in a field's keys
    Array.prototype.forEach.call(row.querySelectorAll("[data-keys]"), function (el) {
      var keys = keysOf(el);
      keys[depth] = index;
      el.setAttribute("data-keys", JSON.stringify(keys));
      el.setAttribute("data-path", el.getAttribute("data-path-template").replace("{i}", String(index)));
    });
    Array.prototype.forEach.call(row.querySelectorAll("[id], [for], [name], [aria-describedby]"), function (el) {
      ["id", "for", "name", "aria-describedby"].forEach(function (attr) {
        var v = el.getAttribute(attr);
        // ids carry -i right after the list's id (veld-x-2, veld-x-2-name, veld-x-2-0)
        if (!v) { return; }
        el.setAttribute(attr, v.replace(new RegExp("(^|\\s)(" + listId + "-)\\d+(?=-|\\s|$)", "g"), "$1$2" + index));
      });
    });
    var label = row.querySelector("[data-row-label]");
    if (label) { label.textContent = label.getAttribute("data-row-label") + " " + (index + 1); }
  }

  function addRow(list, last, index) {
    // ensureRows passes the last row and its index: no re-query of every row for each new one
    var rows = last ? null : list.querySelectorAll("[data-row]");
    var template = last || rows[rows.length - 1];
    var clone = template.cloneNode(true);
    Array.prototype.forEach.call(clone.querySelectorAll("input, select"), function (el) {
      if (el.type === "checkbox" || el.type === "radio") { el.checked = false; }
      else { el.value = ""; }
      el.removeAttribute("aria-invalid");
    });
    Array.prototype.forEach.call(clone.querySelectorAll(".zc-field-error"), function (e) { e.textContent = ""; });
    template.parentNode.insertBefore(clone, template.nextSibling);
    renumberRow(clone, last ? index : rows.length);
    return clone;
  }

  function removeRow(list, row) {
    var rows = list.querySelectorAll("[data-row]");
    if (rows.length <= 1) { return false; }
    row.parentNode.removeChild(row);
    Array.prototype.forEach.call(list.querySelectorAll("[data-row]"), renumberRow);
    return true;
  }

  /* What a link may carry: the inputs without the free texts marked data-private (a "how" note
     stays in this browser: it is computed and printed, never put in a link). */
  function shareable(form, inputs) {
    var copy = JSON.parse(JSON.stringify(inputs || {}));
    Array.prototype.forEach.call(form.querySelectorAll("[data-private]"), function (el) {
      var keys = keysOf(el);
      var parent = getPath(copy, keys.slice(0, -1));
      if (parent && typeof parent === "object") { delete parent[keys[keys.length - 1]]; }
    });
    return copy;
  }

  function encodeState(inputs) {
    var json = JSON.stringify(inputs);
    var bytes = new TextEncoder().encode(json);
    var bin = "";
    bytes.forEach(function (b) { bin += String.fromCharCode(b); });
    return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function decodeState(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    var bin = atob(b64);
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    return JSON.parse(new TextDecoder().decode(bytes));
  }

  /* Issue 17: the link's state is checked against the form's declared inputs by
     calculator-guard.js before it touches the form; a rejected link is said in Dutch. */
  function loadLinkState(calc, later) {
    var guard = window.zorgcalcGuard;
    var started = performance.now();
    var read = guard.readState(window.location.hash, calc.form, later);
    calc.knownHash = window.location.hash; // the fragment the form now reflects
    if (read.problem) {
      guard.notice(calc.root, read.problem.message, read.problem.detail);
      calc.root.setAttribute("data-link-state", "rejected");
    } else if (read.state) {
      guard.clearNotice(calc.root);
      writeForm(calc.form, read.state);
      calc.root.setAttribute("data-link-state", "loaded");
    }
    performance.mark("zorgcalc:link-state");
    calc.root.setAttribute("data-link-ms", (performance.now() - started).toFixed(1));
    return !!read.state;
  }

  /* The question a control asks, as its label says it (without "(verplicht)"), with the row it sits in. */
  function questionText(el) {
    var label = el.matches("fieldset") ? el.querySelector("legend") : document.querySelector('label[for="' + el.id + '"]');
    var copy = label ? label.cloneNode(true) : null;
    if (copy) { Array.prototype.forEach.call(copy.querySelectorAll(".zc-required"), function (r) { r.remove(); }); }
    var text = copy ? copy.textContent.trim() : el.getAttribute("data-path");
    var row = el.closest("[data-row]");
    var rowLabel = row && row.querySelector("[data-row-label]");
    return rowLabel ? rowLabel.textContent.trim() + ": " + text : text;
  }

  /* The answer as the visitor gave it, in words; "" when the question is not answered. */
  function answerText(el) {
    var kind = el.getAttribute("data-kind");
    if (kind === "bool3" || kind === "choice-radio" || kind === "multi") {
      return Array.prototype.map.call(el.querySelectorAll("input:checked"), function (c) {
        var label = el.querySelector('label[for="' + c.id + '"]');
        return label ? label.textContent.trim() : c.value;
      }).join(", ");
    }
    if (kind === "check") { return el.checked ? "ja" : ""; }
    return (el.value || "").trim();
  }

  /* A control's visible words and, for screen readers only, what it is about ("Wijzig" which
     answer, "Kies datum" for which question). */
  function labelled(el, visible, hidden) {
    el.textContent = visible;
    var more = document.createElement("span");
    more.className = "zc-visually-hidden";
    more.textContent = hidden;
    el.appendChild(more);
  }

  /* A date is typed as people write it (zorgcalc/dates.py reads it); the browser's own date picker
     is offered beside it as a help, only where this script runs: "Kies datum" opens a native date
     input that stays out of sight and out of the tab order, and the date picked is written into
     the text field as d-m-yyyy, which then computes and takes focus back (issue 15). */
  function addDatePickers(form) {
    Array.prototype.forEach.call(form.querySelectorAll('input[data-kind="date"]'), function (field) {
      var box = field.closest(".zc-input");
      if (!box || box.querySelector(".zc-date-pick")) { return; }
      var name = questionText(field).replace(/^.*: /, "");
      var native = document.createElement("input");
      native.type = "date";
      native.className = "zc-visually-hidden zc-date-native";
      native.tabIndex = -1;
      native.setAttribute("aria-hidden", "true");
      native.setAttribute("aria-label", "Datum voor " + name);
      var button = document.createElement("button");
      button.type = "button";
      button.className = "zc-button utrecht-button utrecht-button--secondary-action zc-date-pick";
      labelled(button, "Kies datum", " voor " + name);
      box.appendChild(native);
      box.appendChild(button);
    });
  }

  function pickDate(button) {
    var box = button.closest(".zc-input");
    var field = box.querySelector('input[data-kind="date"]');
    var native = box.querySelector(".zc-date-native");
    var typed = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec((field.value || "").trim());
    native.value = typed ? typed[3] + "-" + ("0" + typed[2]).slice(-2) + "-" + ("0" + typed[1]).slice(-2) : "";
    if (typeof native.showPicker === "function") {
      try { native.showPicker(); return; } catch (e) { /* not allowed here: focus it instead */ }
    }
    native.focus();
  }

  function datePicked(native) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(native.value)) { return; }
    var field = native.closest(".zc-input").querySelector('input[data-kind="date"]');
    field.value = typedDate(native.value);
    field.focus();
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function Calculator(root) {
    this.root = root;
    this.form = root.querySelector("form.zc-form");
    this.result = root.querySelector(".zc-result-body");
    this.status = root.querySelector(".zc-status");
    this.calculator = root.getAttribute("data-calculator");
    this.seq = 0;
    this.pending = {};
    this.timer = null;
    this.worker = null; // the worker it computes with (started by calculator-start.js, see start)
    this.ready = false;
    this.failed = false;
    this.lastInputs = null;
  }

  Calculator.prototype.say = function (text, state) {
    this.status.textContent = text;
    this.root.setAttribute("data-engine-state", state);
  };

  /* The worker was started by the inline script at the end of the page's head while the page loaded
     (calculator-start.js): take it over, with the messages it posted meanwhile. Neither script
     guesses the line: the worker measures it on the files every start needs and fetches the
     snapshot only where it pays (zorgcalc-worker.js, measureLine; issue 16), so a first visit is never slower than the plain start and no second runtime competes for the
     processor. zorgcalcConfig.start = "snapshot": snapshot first without measuring, the plain
     start as its fallback (the tests of the snapshot itself). */
  Calculator.prototype.start = function () {
    var self = this;
    var started = (window.zorgcalcStarted || {})[this.calculator];
    if (!started) { return this.fail("runtime", "the page's start script did not run (blocked by a Content-Security-Policy?)"); }
    if (!started.worker) { return this.fail(started.code, started.detail); }
    this.say("De rekenhulp wordt geladen (Python in uw browser)…", "loading");
    this.worker = started.worker;
    this.timeout = window.setTimeout(function () {
      if (!self.ready) { self.fail("timeout", "not ready after " + START_TIMEOUT_MS + " ms"); }
    }, START_TIMEOUT_MS);
    started.adopt(function (e) { self.onMessage(e.data || {}); }, function (e) {
      // reported here, in Dutch; the start script kept it from being an uncaught error
      self.fail("runtime", "worker: " + (e.message || "error event") + (e.filename ? " (" + e.filename + ")" : ""));
    });
  };

  /* code: a key of zorgcalcGuard.explain (the Dutch text); detail: technical, folded away. */
  Calculator.prototype.fail = function (code, detail) {
    if (this.failed) { return; }
    this.failed = true;
    window.clearTimeout(this.timeout);
    if (this.worker) { this.worker.terminate(); }
    this.say(window.zorgcalcGuard.explain(code), "failed");
    window.zorgcalcGuard.details(this.status, "status", detail);
    this.resize();
  };

  Calculator.prototype.onMessage = function (msg) {
    if (msg.type === "progress") {
      this.say(msg.stage === "runtime" ? "De rekenhulp wordt geladen: Python-omgeving…" :
        "De rekenhulp wordt geladen: rekenregels…", "loading");
    } else if (msg.type === "line") {
      // how the worker chose to start, for the benchmark and for anyone who wonders (issue 16)
      this.root.setAttribute("data-line", JSON.stringify(msg.choice));
    } else if (msg.type === "warm") {
      // how many runs warmed the runtime up before the visitor's first change (zorgcalc-worker.js, warmUp)
      this.root.setAttribute("data-warm-runs", String(msg.runs));
    } else if (msg.type === "ready") {
      this.ready = true;
      performance.mark("zorgcalc:ready");
      window.clearTimeout(this.timeout);
      this.root.setAttribute("data-ready-ms", Math.round(msg.ms));
      this.root.setAttribute("data-from-snapshot", msg.snapshot ? "true" : "false");
      this.say("De rekenhulp is klaar: de uitkomst verandert mee terwijl u invult.", "ready");
      this.compute();
    } else if (msg.type === "failed") {
      this.fail(msg.code || "runtime", msg.message);
    } else if (msg.type === "result" || msg.type === "error") {
      var done = this.pending[msg.id];
      delete this.pending[msg.id];
      if (done) { done(msg); }
    }
  };

  Calculator.prototype.request = function (message) {
    var self = this;
    return new Promise(function (resolve) {
      self.seq += 1;
      message.id = self.seq;
      self.pending[self.seq] = resolve;
      self.worker.postMessage(message);
    });
  };

  /* Recompute with the form as it is now. One request at a time: changes made while one is in
     flight are coalesced into a single follow-up request with the latest state (no fixed delay). */
  Calculator.prototype.compute = function () {
    var self = this;
    if (!this.ready) { return; }
    if (this.inFlight) { this.dirty = true; return; }
    this.inFlight = true;
    this.dirty = false;
    var inputs = readForm(this.form);
    this.lastInputs = inputs;
    var sent = overlong(this.form) ? readForm(this.form, true) : inputs;
    var started = performance.now();
    this.request({ type: "run", calculator: this.calculator, inputs: JSON.stringify(sent) }).then(function (msg) {
      self.inFlight = false;
      if (msg.type === "error") { self.fail("compute", msg.message); return; }
      if (self.dirty) { self.compute(); return; } // the form changed meanwhile: show only the latest
      self.show(JSON.parse(msg.json), msg.html);
      var latency = performance.now() - started;
      self.root.setAttribute("data-last-ms", msg.ms.toFixed(2));
      if (!self.firstResult) { self.firstResult = true; performance.mark("zorgcalc:first-result"); }
      self.root.dispatchEvent(new CustomEvent("zc:result", { detail: { json: msg.json, html: msg.html, ms: msg.ms, latency: latency } }));
    });
  };

  Calculator.prototype.show = function (result, html) {
    // a change that leaves the result as it was (a help text opened, the same answer again)
    // costs no parsing, style or layout of the result; a changed result is updated in place
    // (morphdom), so only the changed rows are laid out and their text shaped again: measured on
    // the deadlines page over 60 changes, layout 250 -> 111 ms (issue 16: recompute to the frame)
    if (html !== this.shownHtml) {
      if (window.morphdom) {
        var next = this.result.cloneNode(false);
        next.innerHTML = html;
        // a part equal to what is shown is skipped whole: no walk over its attributes and children
        window.morphdom(this.result, next, { childrenOnly: true,
          onBeforeElUpdated: function (shown, wanted) { return !shown.isEqualNode(wanted); } });
      } else { this.result.innerHTML = html; } // the library did not load: replace the whole result
      this.shownHtml = html;
    }
    var verdict = result.ok ? result.verdict : "error";
    if (this.result.getAttribute("data-verdict") !== verdict) { this.result.setAttribute("data-verdict", verdict); }
    this.fieldErrors();
    this.errorSummary();
    this.checkAnswers();
    this.saveStateSoon();
    this.resize();
  };

  /* Field errors: at the field, announced, linked from the summary. The result's error list names
     each field's control (data-field-id, made by the Python renderer). Only what differs from
     what is shown is written: a message or an aria-invalid set again to what it was still makes
     the browser restyle and lay out the form (issue 16: recompute to the frame). */
  Calculator.prototype.fieldErrors = function () {
    var messages = {};
    var invalid = [];
    Array.prototype.forEach.call(this.result.querySelectorAll("a[data-field-id]"), function (link) {
      var field = nearestField(link.getAttribute("data-field-id"));
      if (!field) { return; }
      messages[field.id + "-fout"] = link.textContent;
      var folded = field.closest("details");
      if (folded && !folded.open) { folded.open = true; } // an error inside a folded group must be seen
      var control = field.matches("input, select, textarea") ? field : field.querySelector("input, select, textarea");
      (field.matches("fieldset") ? field.querySelectorAll("input") : [control]).forEach(function (c) {
        if (c) { invalid.push(c); }
      });
    });
    Array.prototype.forEach.call(this.form.querySelectorAll(".zc-field-error"), function (el) {
      var text = messages[el.id] || "";
      if (el.textContent !== text) { el.textContent = text; }
    });
    Array.prototype.forEach.call(this.form.querySelectorAll("[aria-invalid]"), function (el) {
      if (invalid.indexOf(el) === -1) { el.removeAttribute("aria-invalid"); }
    });
    invalid.forEach(function (c) { if (c.getAttribute("aria-invalid") !== "true") { c.setAttribute("aria-invalid", "true"); } });
  };

  /* The GOV.UK error summary above the form (WCAG 3.3.1): one link per field in error, the same
     messages as at the fields. It takes focus after a change or a submit that brings errors the
     visitor has not seen yet (not while typing: focus never leaves a field on a keystroke). */
  Calculator.prototype.errorSummary = function () {
    var box = this.form.querySelector(".zc-error-summary");
    if (!box) { return; }
    var list = box.querySelector("ul");
    var items = Array.prototype.map.call(this.result.querySelectorAll("a[data-field-id]"), function (link) {
      return [link.getAttribute("href"), link.getAttribute("data-field-id"), link.textContent];
    });
    // rebuilt only when its links changed: it sits above the form, which is laid out again after it
    var key = JSON.stringify(items);
    if (key !== this.summaryKey) {
      this.summaryKey = key;
      list.textContent = "";
      items.forEach(function (link) {
        var item = document.createElement("li");
        var a = document.createElement("a");
        a.href = link[0];
        a.setAttribute("data-field-id", link[1]);
        a.textContent = link[2];
        item.appendChild(a);
        list.appendChild(item);
      });
      box.hidden = !items.length;
    }
    var shown = list.textContent;
    if (box.hidden) { this.shownErrors = ""; }
    else if (this.focusErrors && shown !== this.shownErrors) { box.focus(); this.shownErrors = shown; }
    this.focusErrors = false;
  };

  /* "Controleer uw antwoorden" (GOV.UK check answers): each answered question with its answer and
     a link to change it, above the result; printed instead of the form, so a printout holds only
     what was answered. */
  Calculator.prototype.checkAnswers = function () {
    var box = this.root.querySelector(".zc-check-answers");
    if (!box) { return; }
    var list = box.querySelector("dl");
    var answered = [];
    Array.prototype.forEach.call(this.form.querySelectorAll("[data-keys]"), function (el) {
      if (el.closest("[hidden]")) { return; }
      var answer = answerText(el);
      if (answer) { answered.push({ el: el, answer: answer, question: questionText(el) }); }
    });
    // rebuilt only when an answer changed: the list sits above the result, so rebuilding it
    // lays out everything under it again
    var key = JSON.stringify(answered.map(function (a) { return [a.el.id, a.question, a.answer]; }));
    if (key === this.checkedKey) { return; }
    this.checkedKey = key;
    list.textContent = "";
    var rows = 0;
    answered.forEach(function (item) {
      var el = item.el, answer = item.answer, question = item.question;
      var row = document.createElement("div");
      row.className = "zc-check-row";
      var dt = document.createElement("dt");
      dt.textContent = question;
      var dd = document.createElement("dd");
      dd.textContent = answer;
      var change = document.createElement("dd");
      change.className = "zc-check-change";
      var a = document.createElement("a");
      a.href = "#" + el.id;
      a.setAttribute("data-field-id", el.id);
      labelled(a, "Wijzig", " " + question);
      change.appendChild(a);
      row.appendChild(dt); row.appendChild(dd); row.appendChild(change);
      list.appendChild(row);
      rows += 1;
    });
    box.hidden = rows === 0;
    box.querySelector(".zc-check-count").textContent = String(rows);
    this.root.toggleAttribute("data-answered", rows > 0);
  };

  /* Put the inputs in the URL fragment once the visitor pauses (STATE_DELAY_MS after the last
     result), not on every result: replacing the URL costs the browser more than a whole
     recompute (measured: change-to-result p50 31 ms with it, 14 ms without). The copy-link
     button reads the form itself, so it never waits for this. */
  Calculator.prototype.saveStateSoon = function () {
    var self = this;
    window.clearTimeout(this.stateTimer);
    this.stateTimer = window.setTimeout(function () {
      if (!self.lastInputs) { return; }
      // A new fragment arrived (an example link, a pasted link) and its hashchange has not been
      // handled yet: writing the old inputs now would replace it before it is read.
      if (window.location.hash !== self.knownHash) { return; }
      var hash = "#invoer=" + encodeState(shareable(self.form, self.lastInputs));
      if (hash.length > window.zorgcalcGuard.MAX_STATE_CHARS) { hash = window.location.pathname + window.location.search; }
      if (window.location.hash !== hash) { window.history.replaceState(null, "", hash); }
      self.knownHash = window.location.hash;
    }, STATE_DELAY_MS);
  };

  Calculator.prototype.schedule = function () { this.compute(); };

  Calculator.prototype.resize = function () {
    if (window.parent === window) { return; }
    var height = document.documentElement.scrollHeight;
    window.parent.postMessage({ type: "zorgcalc:resize", calculator: this.calculator, height: height }, "*");
  };

  Calculator.prototype.bind = function () {
    var self = this;
    addDatePickers(this.form);
    // the native date input speaks only through its text field (datePicked)
    this.form.addEventListener("input", function (e) {
      if (e.target.classList.contains("zc-date-native")) { e.stopPropagation(); return; }
      self.schedule();
    }, true);
    this.form.addEventListener("change", function (e) {
      if (!e.target.classList.contains("zc-date-native")) { return; }
      e.stopPropagation();
      datePicked(e.target);
    }, true);
    this.form.addEventListener("change", function () { self.focusErrors = true; applyVisibility(self.form); self.schedule(); });
    this.form.addEventListener("submit", function (e) { e.preventDefault(); self.focusErrors = true; self.shownErrors = ""; self.schedule(); });
    this.form.addEventListener("click", function (e) {
      var add = e.target.closest("[data-add-row]");
      var remove = e.target.closest("[data-remove-row]");
      var pick = e.target.closest(".zc-date-pick");
      if (pick) { pickDate(pick); return; }
      if (add) {
        var row = addRow(add.closest("[data-list]"));
        var first = row.querySelector("input");
        if (first) { first.focus(); }
        self.schedule();
      } else if (remove) {
        var list = remove.closest("[data-list]");
        if (removeRow(list, remove.closest("[data-row]"))) { self.schedule(); }
      }
    });
    // a link to a field (error list, error summary, "Wijzig") moves focus to the field itself
    this.root.addEventListener("click", function (e) {
      var link = e.target.closest("a[data-field-id]");
      if (!link) { return; }
      var field = nearestField(link.getAttribute("data-field-id"));
      if (field) {
        e.preventDefault();
        var folded = field.closest("details");
        if (folded) { folded.open = true; }
        var control = field.matches("input, select") ? field : (field.querySelector("input:checked") || field.querySelector("input, select"));
        (control || field).focus();
      }
    });
    var copy = this.root.querySelector(".zc-copy-link");
    if (copy) {
      copy.hidden = false;
      copy.addEventListener("click", function () {
        var inputs = shareable(self.form, readForm(self.form));
        var url = window.location.href.split("#")[0] + "#invoer=" + encodeState(inputs);
        var note = self.root.querySelector(".zc-copy-status");
        var done = function () { note.textContent = "Link gekopieerd. Wie hem opent, ziet dezelfde invoer en uitkomst."; };
        if (url.split("#")[1].length > window.zorgcalcGuard.MAX_STATE_CHARS) {
          note.textContent = "Deze invoer is te lang voor een link (meer dan " +
            window.zorgcalcGuard.MAX_STATE_CHARS.toLocaleString("nl-NL") + " tekens). Maak namen korter of gebruik Afdrukken.";
          return;
        }
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(url).then(done, function () { note.textContent = "Kopiëren lukte niet. De link: " + url; });
        } else { note.textContent = "De link: " + url; }
      });
    }
    var printButton = this.root.querySelector(".zc-print");
    if (printButton) {
      printButton.hidden = false;
      printButton.addEventListener("click", function () { window.print(); });
    }
    var ics = this.root.querySelector(".zc-ics");
    if (ics) {
      ics.hidden = false;
      ics.addEventListener("click", function () { self.downloadIcs(ics); });
    }
    window.addEventListener("hashchange", function () {
      if (loadLinkState(self, true)) { applyVisibility(self.form); self.schedule(); }
    });
    applyVisibility(this.form);
    window.addEventListener("resize", function () { self.resize(); });
    window.addEventListener("beforeprint", function () { self.printMeta(); });
  };

  /* What a printout needs besides inputs and result: when, and where to find it again. */
  Calculator.prototype.printMeta = function () {
    var meta = this.root.querySelector(".zc-print-meta");
    if (!meta) { return; }
    this.checkAnswers();
    var check = this.root.querySelector(".zc-check-answers");
    if (check) { check.open = true; }
    var when = new Date().toLocaleString("nl-NL", { dateStyle: "long", timeStyle: "short" });
    meta.textContent = "Afgedrukt op " + when + ". Deze invoer en uitkomst: " + window.location.href;
    // print the answers given, not every empty field
    Array.prototype.forEach.call(this.form.querySelectorAll(".zc-field"), function (field) {
      var filled = Array.prototype.some.call(field.querySelectorAll("input"), function (i) {
        if (i.type === "radio") { return i.checked && i.value !== "null"; }
        if (i.type === "checkbox") { return i.checked; }
        return i.value.trim() !== "";
      });
      if (filled) { field.removeAttribute("data-print-empty"); } else { field.setAttribute("data-print-empty", ""); }
    });
    Array.prototype.forEach.call(this.form.querySelectorAll("details"), function (d) {
      if (d.querySelector(".zc-field:not([data-print-empty])")) { d.open = true; }
    });
  };

  Calculator.prototype.downloadIcs = function (button) {
    var self = this;
    var note = this.root.querySelector(".zc-copy-status");
    if (!this.ready) { note.textContent = "De rekenhulp is nog niet klaar; probeer het zo opnieuw."; return; }
    note.textContent = "Agendabestand wordt gemaakt…";
    this.request({ type: "ics", calculator: this.calculator, inputs: JSON.stringify(readForm(this.form, true)) }).then(function (msg) {
      if (msg.type === "error" || !msg.ics) { self.icsFailed(button, note, msg); return; }
      window.zorgcalcGuard.details(note, "ics", null);
      self.stopIcsRetry();
      self.icsAttempts = 0;
      var blob = new Blob([msg.ics], { type: "text/calendar;charset=utf-8" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = button.getAttribute("data-filename") || "zorgcontractering.ics";
      document.body.appendChild(a);
      a.click();
      window.setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
      note.textContent = "Agendabestand gedownload.";
    });
  };

  /* Issue 17: a calendar that could not be made says why in Dutch; when its parts could not be
     loaded, it tries again by itself once the browser is back online. "online" can come a moment
     before requests get through, so while the browser says it is online it tries up to 3 times more. */
  Calculator.prototype.icsFailed = function (button, note, msg) {
    var self = this;
    var loading = msg.code === "ics-load";
    note.textContent = window.zorgcalcGuard.explain(loading ? "ics" : msg.type === "error" ? "icsError" : "icsInput");
    window.zorgcalcGuard.details(note, "ics", msg.message || null);
    if (!loading) { return; }
    if (!this.icsRetry) {
      this.icsRetry = function () { self.stopIcsRetry(); self.downloadIcs(button); };
      window.addEventListener("online", this.icsRetry);
    }
    this.icsAttempts = (this.icsAttempts || 0) + 1;
    if (navigator.onLine && this.icsAttempts <= 3) { this.icsTimer = window.setTimeout(this.icsRetry, 1000 * this.icsAttempts); }
  };

  Calculator.prototype.stopIcsRetry = function () {
    if (this.icsRetry) { window.removeEventListener("online", this.icsRetry); }
    window.clearTimeout(this.icsTimer);
    this.icsRetry = null;
  };

  /* The theme's floating "Terug naar boven" button shows while the page scrolls up, at the top of
     the screen; focusing the error summary scrolls up and can land the summary right under it
     (issue 15). While a summary is on screen the button stays away: the visitor was sent to the
     summary, and the top of the page is a few lines up anyway. */
  var summariesInView = typeof IntersectionObserver === "function" ? new IntersectionObserver(function (entries) {
    entries.forEach(function (e) { e.target.zcInView = e.isIntersecting; });
    var any = Array.prototype.some.call(document.querySelectorAll(".zc-error-summary"), function (box) { return box.zcInView; });
    document.body.classList.toggle("zc-error-summary-in-view", any);
  }) : null;

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".zc-calculator[data-calculator]"), function (root) {
      if (root.zc) { return; }
      if (!window.zorgcalcGuard) { // calculator-guard.js did not load: say so, compute nothing
        root.querySelector(".zc-status").textContent = "De rekenhulp kon niet worden geladen: een onderdeel van de pagina " +
          "ontbreekt. De uitkomst hieronder hoort bij het lege formulier; laad de pagina opnieuw.";
        root.setAttribute("data-engine-state", "failed");
        return;
      }
      var summary = root.querySelector(".zc-error-summary");
      if (summary && summariesInView) { summariesInView.observe(summary); }
      var calc = new Calculator(root);
      root.zc = calc;
      loadLinkState(calc);
      calc.bind();
      calc.resize();
      // Start Python at once: the form and the pre-rendered result are already on screen, and
      // every millisecond before the worker starts is added to the wait for the first result.
      calc.start();
    });
  }

  window.zorgcalc = { applyVisibility: applyVisibility, readForm: readForm, writeForm: writeForm, encodeState: encodeState, decodeState: decodeState, shareable: shareable,
    loadLinkState: function (root) { return loadLinkState(root.zc); } };

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) { window.document$.subscribe(init); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();
