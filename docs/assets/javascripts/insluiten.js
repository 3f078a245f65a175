/* Loaded by every embed page (quote cards, calculators): every link opens in a new tab, also the
   links a calculator renders later, never the whole site inside the host's iframe; and the page
   reports its height to the host ({type: "zorgcalc:resize", height}) so the iframe grows with it. */
(function () {
  "use strict";

  function newTab(root) {
    Array.prototype.forEach.call(root.querySelectorAll("a[href]"), function (a) {
      if (a.getAttribute("href").charAt(0) === "#") { return; }  // a jump inside the embed stays
      a.target = "_blank";
      a.rel = "noopener";
    });
  }

  var last = 0;
  function report() {
    if (window.parent === window) { return; }
    var main = document.querySelector("main[data-norm]");
    if (!main) { return; }  // a calculator reports its own height (calculator.js)
    var height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) { return; }
    last = height;
    window.parent.postMessage({ type: "zorgcalc:resize", norm: main.getAttribute("data-norm"), height: height }, "*");
  }

  function start() {
    newTab(document);
    new MutationObserver(function () { newTab(document); }).observe(document.body, { childList: true, subtree: true });
    report();
    window.addEventListener("resize", report);
    if (window.ResizeObserver) { new ResizeObserver(report).observe(document.documentElement); }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
