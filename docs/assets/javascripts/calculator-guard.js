/* Guards for the calculator pages (issue 17), loaded before calculator.js, which uses them as
   window.zorgcalcGuard:
   - readState(hash, form): the #invoer= state of a link, checked against the inputs the form
     declares (its data-keys, data-kind and data-list attributes) before anything touches the form;
   - notice / details / clearNotice: Dutch messages, with the technical detail folded away;
   - explain(code, detail): the Dutch text for every failure a visitor can meet.
   Nothing here changes the form: a link that is rejected leaves the form as the page built it. */
(function () {
  "use strict";

  /* No real case comes near these caps. Rows: the Dutch market has about ten health-insurer groups,
     a handful of relevant markets per agreement, and de minimis allows at most € 1.100.000 of
     combined turnover, so 50 participants would have € 22.000 each on average. Rows are built one
     DOM node at a time, so a cap keeps a crafted link from building thousands (fault 1). Link text:
     everything the form can hold within its caps (50 rows of 200-character names and all other
     fields) stays under 40.000 characters of #invoer=; Chromium refuses links above about 2 MB. */
  var MAX_ROWS = 50;
  var MAX_STATE_CHARS = 65536;
  var MAX_TEXT_CHARS = 200; // fields without their own maxlength (lists of values)

  function labelOf(el) {
    if (el.matches("fieldset")) {
      var legend = el.querySelector("legend");
      return legend ? legend.textContent.trim() : el.getAttribute("data-path");
    }
    var label = el.id && el.ownerDocument.querySelector('label[for="' + el.id + '"]');
    return label ? label.textContent.trim() : el.getAttribute("data-path");
  }

  function controlSpec(el) {
    var options = Array.prototype.map.call(el.querySelectorAll("input"), function (i) { return i.value; });
    var max = Number(el.getAttribute("maxlength")) || MAX_TEXT_CHARS;
    return { type: "value", kind: el.getAttribute("data-kind"), label: labelOf(el), options: options, maxLength: max };
  }

  function child(node, key, make) {
    if (!node.fields[key]) { node.fields[key] = make(); }
    return node.fields[key];
  }

  function objectNode(label) { return { type: "object", fields: {}, label: label }; }

  /* The declared inputs as a tree: objects, lists (their first row is the template) and values.
     Each control's keys come from the form (data-keys); a number among them is a row of a list. */
  function declaredInputs(form) {
    var root = objectNode("invoer");
    Array.prototype.forEach.call(form.querySelectorAll("[data-keys]"), function (el) {
      if (el.hasAttribute("data-form-only")) { return; }
      var list = el.closest("[data-list]");
      var rows = list ? list.querySelectorAll("[data-row]") : [];
      if (list && el.closest("[data-row]") !== rows[0]) { return; }
      var keys = JSON.parse(el.getAttribute("data-keys"));
      var node = root;
      for (var i = 0; i < keys.length - 1; i++) {
        if (typeof keys[i + 1] === "number") {
          var items = listNode(node, keys[i], list);
          if (i + 2 === keys.length) { items.item = controlSpec(el); node = null; break; }
          node = items.item;
          i++; // past the row number
        } else {
          node = child(node, keys[i], function () { return objectNode(keys[i]); });
        }
      }
      if (node) { node.fields[keys[keys.length - 1]] = controlSpec(el); }
    });
    return root;
  }

  function listNode(node, key, list) {
    var label = list && list.querySelector("[data-row-label]");
    return child(node, key, function () {
      return { type: "list", label: label ? label.getAttribute("data-row-label") : key, item: objectNode(key) };
    });
  }

  function problem(label, reason) { return { label: label, reason: reason }; }

  function checkValue(spec, value) {
    if (value === null) { return null; }
    var k = spec.kind;
    if (k === "bool3") { return typeof value === "boolean" ? null : problem(spec.label, "hoort ja, nee of weet ik niet te zijn"); }
    if (k === "check") { return typeof value === "boolean" ? null : problem(spec.label, "hoort aan of uit te zijn"); }
    if (k === "choice-radio") {
      return spec.options.indexOf(value) !== -1 ? null : problem(spec.label, "is geen van de keuzes op deze pagina");
    }
    if (k === "multi") {
      if (!Array.isArray(value) || value.length > spec.options.length) { return problem(spec.label, "hoort een lijst van keuzes te zijn"); }
      var bad = value.some(function (v) { return spec.options.indexOf(v) === -1; });
      return bad ? problem(spec.label, "bevat een keuze die op deze pagina niet bestaat") : null;
    }
    if (typeof value === "number") {
      if (Number.isInteger(value) && !Number.isSafeInteger(value)) { return problem(spec.label, "bevat een getal dat te groot is om exact over te nemen"); }
      return null;
    }
    if (typeof value !== "string") { return problem(spec.label, "hoort tekst of een getal te zijn"); }
    return value.length > spec.maxLength ? problem(spec.label, "is langer dan " + spec.maxLength + " tekens") : null;
  }

  function checkNode(node, value) {
    if (value === undefined) { return null; }
    if (node.type === "value") { return checkValue(node, value); }
    if (node.type === "list") {
      if (!Array.isArray(value)) { return problem(node.label, "hoort een lijst te zijn"); }
      if (value.length > MAX_ROWS) { return problem(node.label, "heeft " + value.length + " regels; een rekenhulp neemt er hoogstens " + MAX_ROWS + " over"); }
      for (var i = 0; i < value.length; i++) {
        var p = value[i] === null ? null : checkNode(node.item, value[i]);
        if (p) { return problem(node.label + " " + (i + 1) + (node.item.type === "value" ? "" : ", " + p.label), p.reason); }
      }
      return null;
    }
    if (value === null) { return null; }
    if (typeof value !== "object" || Array.isArray(value)) { return problem(node.label, "hoort een groep velden te zijn"); }
    var keys = Object.keys(node.fields);
    for (var j = 0; j < keys.length; j++) {
      if (!Object.prototype.hasOwnProperty.call(value, keys[j])) { continue; }
      var q = checkNode(node.fields[keys[j]], value[keys[j]]);
      if (q) { return q; }
    }
    return null;
  }

  /* A calculator that takes a list of numbers also takes one number (the total, as in the
     insurers' examples): the form shows it as a list of one row, which adds up the same. */
  function normalise(node, value) {
    if (!value || typeof value !== "object" || Array.isArray(value) || node.type !== "object") { return; }
    Object.keys(node.fields).forEach(function (key) {
      var f = node.fields[key];
      var v = value[key];
      if (f.type === "list" && f.item.type === "value" && (typeof v === "string" || typeof v === "number")) { value[key] = [v]; }
      else { normalise(f, v); }
    });
  }

  function decode(text) {
    var bin = atob(text.replace(/-/g, "+").replace(/_/g, "/"));
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  }

  var START_TEXT = " Het formulier staat daarom op de beginwaarden; de uitkomst hieronder hoort daarbij. " +
    "Vul het formulier zelf in, of vraag wie u de link stuurde om een nieuwe.";
  var KEPT = " Het formulier is daarom niet veranderd. Vraag wie u de link stuurde om een nieuwe.";

  /* later: the visitor changed the link on an open page (hashchange), so the form keeps their input.
     {state, problem}: state is the checked object (or null: no state, or a rejected one);
     problem is null or {message (Dutch), detail (technical)}. */
  function readState(hash, form, later) {
    var START = later ? KEPT : START_TEXT;
    if (typeof hash !== "string" || hash.indexOf("#invoer=") !== 0) { return { state: null, problem: null }; }
    if (hash.length > MAX_STATE_CHARS) {
      return { state: null, problem: { message: "Deze link is te lang om in te lezen (" + hash.length.toLocaleString("nl-NL") +
        " tekens; een link naar deze rekenhulp heeft er hoogstens " + MAX_STATE_CHARS.toLocaleString("nl-NL") + ")." + START,
        detail: "state length " + hash.length + " > " + MAX_STATE_CHARS } };
    }
    var state;
    try { state = decode(hash.slice(8)); }
    catch (e) {
      return { state: null, problem: { message: "Deze link is beschadigd of onvolledig: de invoer erin kon niet worden gelezen." + START,
        detail: String(e && e.name) + ": " + String(e && e.message).slice(0, 200) } };
    }
    var declared = declaredInputs(form);
    normalise(declared, state);
    var p = state !== null && typeof state === "object" && !Array.isArray(state) ? checkNode(declared, state)
      : problem("de invoer", "hoort een groep velden te zijn");
    if (p) {
      return { state: null, problem: { message: "De invoer in deze link past niet bij deze rekenhulp: ‘" + p.label + "’ " + p.reason + "." + START,
        detail: "rejected: " + p.label + " " + p.reason } };
    }
    return { state: state, problem: null };
  }

  /* A folded "Technische details" part right after `anchor` (one per key), or none. */
  function details(anchor, key, detail) {
    var next = anchor.nextElementSibling;
    if (next && next.getAttribute("data-zc-details") === key) { next.remove(); }
    if (!detail) { return null; }
    var box = document.createElement("details");
    box.className = "zc-tech";
    box.setAttribute("data-zc-details", key);
    var summary = document.createElement("summary");
    summary.textContent = "Technische details";
    var pre = document.createElement("pre");
    pre.textContent = String(detail).slice(0, 2000);
    box.appendChild(summary);
    box.appendChild(pre);
    anchor.insertAdjacentElement("afterend", box);
    return box;
  }

  /* A Dutch message for the visitor above the form (role=alert), with folded details. */
  function notice(root, message, detail) {
    clearNotice(root);
    var box = document.createElement("div");
    box.className = "zc-notice";
    box.setAttribute("role", "alert");
    var text = document.createElement("p");
    text.textContent = message;
    box.appendChild(text);
    var anchor = root.querySelector(".zc-status") || root.firstElementChild;
    anchor.insertAdjacentElement("afterend", box);
    details(text, "notice", detail);
    return box;
  }

  function clearNotice(root) {
    var old = root.querySelector(".zc-notice");
    if (old) { old.remove(); }
  }

  var STILL = " De uitkomst hieronder hoort bij het lege formulier van de pagina, en de normen kunt u via de links gewoon lezen.";
  var TEXTS = {
    runtime: "De rekenhulp kan in deze browser niet rekenen: een onderdeel kon niet worden geladen." + STILL +
      " Laad de pagina opnieuw zodra uw verbinding weer werkt; lukt het dan nog niet, probeer het later of in een andere browser.",
    unsupported: "De rekenhulp kan in deze browser niet rekenen: deze browser ondersteunt geen WebAssembly of Web Workers." + STILL +
      " In een recente versie van Firefox, Chrome, Edge of Safari rekent de rekenhulp wel.",
    stalled: "De rekenhulp kan in deze browser niet rekenen: het laden van een onderdeel is blijven steken " +
      "(er kwam een tijd lang niets meer binnen)." + STILL + " Laad de pagina opnieuw als uw verbinding beter is.",
    timeout: "De rekenhulp kan in deze browser niet rekenen: het laden duurde te lang." + STILL +
      " Laad de pagina opnieuw als uw verbinding beter is.",
    compute: "De rekenhulp kan deze invoer niet doorrekenen door een fout in de rekenhulp." + STILL +
      " Laad de pagina opnieuw; blijft het gebeuren, meld het dan.",
    ics: "Het agendabestand kon niet worden gemaakt: de onderdelen daarvoor konden niet worden geladen (bent u offline?). " +
      "De uitkomst op de pagina blijft gewoon bruikbaar. Zodra de verbinding terug is, probeert de rekenhulp het zelf opnieuw; " +
      "u kunt ook opnieuw op de knop drukken.",
    icsError: "Het agendabestand kon niet worden gemaakt door een fout in de rekenhulp. De uitkomst op de pagina blijft " +
      "gewoon bruikbaar; meld het als het blijft gebeuren.",
    icsInput: "Het agendabestand kon niet worden gemaakt: controleer eerst de invoer (zie de meldingen bij de velden)."
  };

  function explain(code) { return TEXTS[code] || TEXTS.runtime; }

  window.zorgcalcGuard = { readState: readState, declaredInputs: declaredInputs, notice: notice, clearNotice: clearNotice,
    details: details, explain: explain, MAX_ROWS: MAX_ROWS, MAX_STATE_CHARS: MAX_STATE_CHARS, MAX_TEXT_CHARS: MAX_TEXT_CHARS };
})();
