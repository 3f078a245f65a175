/* Progressive enhancement for norm boxes and the norm register. Without JavaScript every
   permalink is still a plain link and the register a plain table. One request, to this site's own
   norms.json (edition, validity, official text and citation of every norm); none elsewhere. */
(function () {
  "use strict";

  function announce(el, text) {
    el.textContent = "";
    window.setTimeout(function () { el.textContent = text; }, 50);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "absolute";
      area.style.left = "-9999px";
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error("copy failed")); }
    });
  }

  function addCopyButtons(root) {
    var boxes = root.querySelectorAll(
      ".admonition.regelgeving[id], .admonition.richtsnoer[id], .admonition.streefdatum[id]");
    Array.prototype.forEach.call(boxes, function (box) {
      var id = box.id;
      var link = box.querySelector('dd > a[href="#' + id + '"], dd a[href="#' + id + '"]');
      if (!link || link.parentNode.querySelector(".norm-copy")) { return; }
      // the visible text is part of the accessible name (WCAG 2.5.3)
      link.parentNode.appendChild(copyButton("Kopieer de vaste link", "Kopieer de vaste link naar norm " + id,
        "Link", function () { return window.location.origin + window.location.pathname + "#" + id; }));
    });
  }

  var MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
    "september", "oktober", "november", "december"];

  function dutchDate(iso) {
    if (!iso) { return "onbekend"; }
    var p = iso.split("-");
    return parseInt(p[2], 10) + " " + MONTHS[parseInt(p[1], 10) - 1] + " " + p[0];
  }

  function today() {
    var d = new Date();
    return dutchDate(d.getFullYear() + "-" + (d.getMonth() + 1) + "-" + d.getDate());
  }

  /* The citation as the reader copies it: norms.json's, with the day it is read. */
  function citationOf(norm) {
    return norm.citation + ", geraadpleegd op " + today() + ".";
  }

  /* A button that copies text() and says in a status line what it copied, or the text itself. */
  function copyButton(label, name, what, text) {
    var wrap = document.createElement("span");
    wrap.className = "norm-copy-wrap";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "norm-copy";
    button.textContent = label;
    button.setAttribute("aria-label", name);
    var status = document.createElement("span");
    status.className = "norm-copy-status";
    status.setAttribute("role", "status");
    button.addEventListener("click", function () {
      var value = text();
      copyText(value).then(function () {
        announce(status, what + " gekopieerd: " + value);
      }, function () {
        announce(status, "Kopiëren lukte niet. De " + what.toLowerCase() + " is: " + value);
      });
    });
    wrap.appendChild(button);
    wrap.appendChild(status);
    return wrap;
  }

  function citeButton(norm) {
    var wrap = copyButton("Citeer", "Citeer norm " + norm.id + ": kopieer de bronvermelding", "Bronvermelding",
      function () { return citationOf(norm); });
    wrap.className = "norm-cite";
    wrap.querySelector("button").className = "norm-cite-button";
    wrap.querySelector("[role=status]").className = "norm-cite-status";
    return wrap;
  }

  function term(dl, label, content) {
    var dt = document.createElement("dt");
    dt.textContent = label;
    var dd = document.createElement("dd");
    if (typeof content === "string") { dd.textContent = content; } else { dd.appendChild(content); }
    dl.appendChild(dt);
    dl.appendChild(dd);
    return dd;
  }

  function link(href, text, newTab) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    if (newTab) { a.target = "_blank"; a.rel = "noopener"; }
    return a;
  }

  /* Edition, validity, last change, official text and "Citeer" in each box's metadata list. */
  function addNormDetails(root, norms, base) {
    if (/\/editie-[^/]+\//.test(window.location.pathname)) { return; }  // a frozen edition says its own edition
    Array.prototype.forEach.call(root.querySelectorAll(
      ".admonition.regelgeving[id], .admonition.richtsnoer[id], .admonition.streefdatum[id]"), function (box) {
      var norm = norms[box.id];
      var dl = box.querySelector(":scope > dl");
      if (!norm || !dl || dl.querySelector(".norm-details")) { return; }
      var edition = norm.edition.label;
      var dd = term(dl, "Editie", edition);
      dd.classList.add("norm-details");
      if (norm.edition.frozen_url) {
        dd.appendChild(document.createTextNode(" ("));
        dd.appendChild(link(norm.edition.frozen_url.replace(/^https:\/\/[^/]+\//, base), "bevroren versie van deze editie"));
        dd.appendChild(document.createTextNode(")"));
      }
      term(dl, "Geldt vanaf", norm.valid_from ? dutchDate(norm.valid_from) :
        "onbekend (de bron noemt geen datum)");
      if (norm.valid_until) { term(dl, "Geldt tot", dutchDate(norm.valid_until)); }
      var changed = term(dl, "Laatst gewijzigd", dutchDate(norm.last_changed) + " (op deze site) ");
      var last = norm.changes[0];
      if (last) {
        changed.appendChild(link(base + "normen/wijzigingen/#" + norm.id + "-" + last.edition,
          last.kind === "gewijzigd" ? "wat er veranderde" : "wijzigingen"));
      }
      if (norm.official_url && !box.querySelector('a[href="' + norm.official_url + '"]')) {
        term(dl, "Officiële tekst", link(norm.official_url, "wetten.overheid.nl", false));
      }
      term(dl, "Bronvermelding", citeButton(norm));
    });
  }

  /* The register's text filter (id, title and the norm's text) and its filters by source and
     contracting form: they need norms.json, so they join the kind and actor filters once it is read. */
  function addRegisterSearch(root, norms) {
    var anchor = root.querySelector("a.norm-register-id");
    var table = anchor && anchor.closest("table");
    var reg = table && table.zcRegister;
    if (!reg || reg.search) { return; }
    function normOf(row) { var a = row.querySelector("a.norm-register-id"); return a && norms[a.id]; }
    var sources = [], forms = [];
    reg.rows.forEach(function (row) {
      var n = normOf(row);
      if (!n) { return; }
      if (sources.indexOf(n.edition.source) === -1) { sources.push(n.edition.source); }
      var f = n.form ? n.form.split(" ")[0] : "";
      if (f && forms.indexOf(f) === -1) { forms.push(f); }
    });
    var label = document.createElement("label");
    label.setAttribute("for", "filter-tekst");
    label.textContent = "Zoek in id, titel en tekst";
    var input = document.createElement("input");
    input.type = "search";
    input.id = "filter-tekst";
    input.autocomplete = "off";
    label.appendChild(input);
    reg.form.insertBefore(label, reg.form.firstChild);
    var source = reg.select("filter-bron", "Bron", [["", "Alle bronnen"]].concat(sources.map(function (x) { return [x, x]; })));
    var form = reg.select("filter-contractering", "Contractering",
      [["", "Alle vormen"]].concat(forms.map(function (x) { return [x, x]; })));
    reg.form.appendChild(reg.count);  // the count stays last
    reg.search = input;
    reg.extra.push(function (row) {
      var n = normOf(row);
      var q = input.value.trim().toLowerCase();
      if (!n) { return !q && !source.value && !form.value; }
      var hay = (n.id + " " + n.title + " " + n.text).toLowerCase();
      return q.split(/\s+/).every(function (w) { return !w || hay.indexOf(w) !== -1; }) &&
        (!source.value || n.edition.source === source.value) &&
        (!form.value || (n.form || "").split(" ")[0] === form.value);
    });
    input.addEventListener("input", reg.apply);
    source.addEventListener("change", reg.apply);
    form.addEventListener("change", reg.apply);
    reg.apply();
  }

  function addRegisterCitations(root, norms) {
    Array.prototype.forEach.call(root.querySelectorAll("a.norm-register-id"), function (a) {
      var norm = norms[a.id];
      if (!norm || a.parentNode.querySelector(".norm-cite")) { return; }
      a.parentNode.appendChild(citeButton(norm));
    });
  }

  var normsData = null;
  function withNorms(callback) {
    var script = document.querySelector('script[src*="javascripts/normen.js"]');
    if (!script || !document.querySelector(".admonition[id], a.norm-register-id")) { return; }
    var base = new URL("../../", script.src).href;
    if (!normsData) {
      normsData = fetch(new URL("normen/norms.json", base).href).then(function (r) {
        if (!r.ok) { throw new Error(r.status); }
        return r.json();
      }).then(function (data) {
        var byId = {};
        data.norms.forEach(function (n) { byId[n.id] = n; });
        return byId;
      });
    }
    normsData.then(function (byId) { callback(byId, base); }, function () { /* the boxes stay as they are */ });
  }

  /* The linking page's embed codes: each "Kopieer de code" button copies its own code. */
  function addEmbedCopy(root) {
    Array.prototype.forEach.call(root.querySelectorAll("button.insluitcode-kopieer"), function (button) {
      if (button.dataset.ready) { return; }
      button.dataset.ready = "1";
      var status = button.parentNode.querySelector(".insluitcode-status");
      button.addEventListener("click", function () {
        var code = document.getElementById(button.getAttribute("data-copy")).textContent;
        copyText(code).then(function () {
          announce(status, "Code gekopieerd.");
        }, function () {
          announce(status, "Kopiëren lukte niet. Selecteer de code hierboven en kopieer die zelf.");
        });
      });
    });
  }

  function cellText(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }

  function addRegisterFilters(root) {
    var anchor = root.querySelector("a.norm-register-id");
    if (!anchor) { return; }
    var table = anchor.closest("table");
    if (!table || table.dataset.filters) { return; }
    table.dataset.filters = "1";
    table.classList.add("norm-register");
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) { return c.textContent.trim(); });
    var kindCol = headers.indexOf("Soort");
    var actorCol = headers.indexOf("Wie");

    var form = document.createElement("form");
    form.className = "norm-filters";
    form.setAttribute("role", "search");
    form.setAttribute("aria-label", "Filter het normenregister");
    form.addEventListener("submit", function (e) { e.preventDefault(); });

    function select(id, label, options) {
      var wrap = document.createElement("label");
      wrap.setAttribute("for", id);
      wrap.textContent = label;
      var sel = document.createElement("select");
      sel.id = id;
      options.forEach(function (o) {
        var opt = document.createElement("option");
        opt.value = o[0];
        opt.textContent = o[1];
        sel.appendChild(opt);
      });
      wrap.appendChild(sel);
      form.appendChild(wrap);
      return sel;
    }
    var kind = select("filter-soort", "Soort", [["", "Alle soorten"], ["Regelgeving", "Regelgeving"], ["Richtsnoer", "Richtsnoer"], ["Streefdatum", "Streefdatum"]]);
    var actor = select("filter-wie", "Voor wie", [["", "Iedereen"], ["zorgverzekeraar", "Zorgverzekeraar"], ["zorgaanbieder", "Zorgaanbieder"], ["brancheorganisatie", "Brancheorganisatie"]]);
    var count = document.createElement("p");
    count.className = "norm-filter-count";
    count.setAttribute("role", "status");
    form.appendChild(count);

    var extra = [];  // predicates added once norms.json is read (text, source, contracting form)
    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var k = cellText(row, kindCol);
        var a = cellText(row, actorCol);
        var matchKind = !kind.value || k === kind.value;
        var matchActor = !actor.value || a.indexOf(actor.value) !== -1 ||
          (/(^|, )beide(,|$)/.test(a) && (actor.value === "zorgverzekeraar" || actor.value === "zorgaanbieder"));
        row.hidden = !(matchKind && matchActor && extra.every(function (f) { return f(row); }));
        if (!row.hidden) { shown += 1; }
      });
      count.textContent = shown + " van " + rows.length + " normen zichtbaar";
    }
    table.zcRegister = { form: form, select: select, apply: apply, extra: extra, rows: rows, count: count };
    kind.addEventListener("change", apply);
    actor.addEventListener("change", apply);
    var wrapper = table.closest(".md-typeset__scrollwrap") || table;
    wrapper.parentNode.insertBefore(form, wrapper);
    apply();
  }

  /* A table wider than the page scrolls inside its wrapper; a keyboard user can only scroll it when
     the wrapper takes focus (WCAG 2.1.1, axe "scrollable-region-focusable"), named as a region. */
  function focusableScrollRegions(root) {
    Array.prototype.forEach.call(root.querySelectorAll(".md-typeset__scrollwrap"), function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.tabIndex = 0;
        wrap.setAttribute("role", "region");
        wrap.setAttribute("aria-label", "Tabel; scroll opzij voor de overige kolommen");
      } else if (wrap.getAttribute("role") === "region") {
        wrap.removeAttribute("tabindex");
        wrap.removeAttribute("role");
        wrap.removeAttribute("aria-label");
      }
    });
  }

  function init() {
    addCopyButtons(document);
    addEmbedCopy(document);
    withNorms(function (norms, base) {
      addNormDetails(document, norms, base);
      addRegisterCitations(document, norms);
      addRegisterSearch(document, norms);
      focusableScrollRegions(document);
    });
    addRegisterFilters(document);
    focusableScrollRegions(document);
  }

  window.addEventListener("resize", function () { focusableScrollRegions(document); });

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
