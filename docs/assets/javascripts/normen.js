/* Progressive enhancement for norm boxes and the norm register. Without JavaScript every
   permalink is still a plain link and the register a plain table. No network requests. */
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
      var button = document.createElement("button");
      button.type = "button";
      button.className = "norm-copy";
      button.textContent = "Kopieer de vaste link";  // the visible text is part of the accessible name (WCAG 2.5.3)
      button.setAttribute("aria-label", "Kopieer de vaste link naar norm " + id);
      var status = document.createElement("span");
      status.className = "norm-copy-status";
      status.setAttribute("role", "status");
      button.addEventListener("click", function () {
        var url = window.location.origin + window.location.pathname + "#" + id;
        copyText(url).then(function () {
          announce(status, "Link gekopieerd: " + url);
        }, function () {
          announce(status, "Kopiëren lukte niet. De link is: " + url);
        });
      });
      link.parentNode.appendChild(button);
      link.parentNode.appendChild(status);
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

    function apply() {
      var shown = 0;
      rows.forEach(function (row) {
        var k = cellText(row, kindCol);
        var a = cellText(row, actorCol);
        var matchKind = !kind.value || k === kind.value;
        var matchActor = !actor.value || a.indexOf(actor.value) !== -1 ||
          (/(^|, )beide(,|$)/.test(a) && (actor.value === "zorgverzekeraar" || actor.value === "zorgaanbieder"));
        row.hidden = !(matchKind && matchActor);
        if (!row.hidden) { shown += 1; }
      });
      count.textContent = shown + " van " + rows.length + " normen zichtbaar";
    }
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
