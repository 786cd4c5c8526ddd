/* Makes the page start Shuniu's search worker (assets/javascripts/workers/shuniu-search.js)
 * instead of Material's, telling it the page's language (each language searches its own pages).
 * Listed under extra.polyfills, after the file:// worker shim, so it runs before Material
 * creates its worker. tests/test_search_material.py checks MATERIAL_WORKER against Material. */
(function () {
  "use strict";
  var script = document.currentScript;
  var Original = window.Worker;
  if (!script || typeof Original !== "function") return;
  var ours = new URL("../javascripts/workers/shuniu-search.js", script.src).href;
  var MATERIAL_WORKER = /\/workers\/search\.[0-9a-f]+\.min\.js$/;
  var lang = (document.documentElement.lang || "zh").split("-")[0];

  window.Worker = class extends Original {
    constructor(url, options) {
      var address = new URL(String(url), document.baseURI).href;
      var material = MATERIAL_WORKER.test(address.split(/[?#]/)[0]);
      super(material ? ours + "#lang=" + encodeURIComponent(lang) : url, options);
    }
  };
})();
