/* Phone first (issue 15): a text page's table that is wider than its column is shown as one card
   per row, each value under its column's name (smal.css: [data-smal]), instead of scrolling
   sideways; measured again when the window changes size. Progressive enhancement: it names each
   cell after its column (data-kolom) and keeps the table's meaning for screen readers with ARIA
   roles, which the cards' CSS display would drop. */
(function () {
  "use strict";
  var ROLES = [["table", "table"], ["thead, tbody", "rowgroup"], ["tr", "row"], ["th", "columnheader"], ["td", "cell"]];

  function cards(table) {
    var heads = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) { return th.textContent.trim(); });
    if (heads.length < 2 || table.hasAttribute("data-kaarten")) { return; }
    Array.prototype.forEach.call(table.querySelectorAll("tbody tr"), function (tr) {
      Array.prototype.forEach.call(tr.children, function (td, i) { if (heads[i]) { td.setAttribute("data-kolom", heads[i]); } });
    });
    ROLES.forEach(function (pair) {
      (table.matches(pair[0]) ? [table] : Array.prototype.slice.call(table.querySelectorAll(pair[0]))).forEach(function (el) {
        el.setAttribute("role", pair[1]);
      });
    });
    table.setAttribute("data-kaarten", "");
  }

  /* Cards only where the table does not fit: measured as a table, in the box its scroll wrapper sits in. */
  function fit(table) {
    table.removeAttribute("data-smal");
    var box = (table.closest(".md-typeset__scrollwrap") || table).parentElement;
    var style = getComputedStyle(box);
    var room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    if (table.getBoundingClientRect().width > room + 0.5) { table.setAttribute("data-smal", ""); }
  }

  var pending = false;
  function refit() {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      Array.prototype.forEach.call(document.querySelectorAll("table[data-kaarten]"), fit);
    });
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset table:not([class]), .md-typeset table.norm-register"), function (table) {
      cards(table);
      fit(table);
    });
  }

  window.addEventListener("resize", refit);

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) { window.document$.subscribe(init); }
  else if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); }
  else { init(); }
})();
