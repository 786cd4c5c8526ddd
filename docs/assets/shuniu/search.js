/* Makes the page start Shuniu's search worker (assets/javascripts/workers/shuniu-search.js)
 * instead of Material's; ours runs Material's and improves Chinese queries. Listed under
 * extra.polyfills, after the file:// worker shim, so it runs before Material creates its worker. */
(function () {
  "use strict";
  var script = document.currentScript;
  var Original = window.Worker;
  if (!script || typeof Original !== "function") return;
  var ours = new URL("../javascripts/workers/shuniu-search.js", script.src).href;
  var material = /\/workers\/search\.[0-9a-f]+\.min\.js$/;

  window.Worker = class extends Original {
    constructor(url, options) {
      var address = new URL(String(url), document.baseURI).href;
      super(material.test(address.split(/[?#]/)[0]) ? ours + "#" + encodeURIComponent(address) : url, options);
    }
  };
})();
