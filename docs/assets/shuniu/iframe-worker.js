/* Search on pages opened from disk (file://), under the site's Content-Security-Policy.
 *
 * Browsers start no Web Worker from a file:// page, so there the search worker runs in a hidden
 * iframe instead: the idea of iframe-worker (MIT), which Material's offline plugin uses. Its shim
 * writes an inline <script> into the iframe, which the policy rightly refuses (inline scripts run
 * only by hash, and that one holds the page's own address). Here the page gives the iframe's
 * window the worker globals (postMessage, importScripts) itself and adds the worker as a
 * <script src>: no inline code at all. Listed first under extra.polyfills, before Shuniu's
 * search.js, so Material creates this worker when the page is a file; the file name says
 * "iframe-worker" so the offline plugin does not add its CDN copy of the shim. */
(function () {
  "use strict";
  if (location.protocol !== "file:" || typeof EventTarget !== "function") return;

  function loadScript(doc, url) {
    return new Promise(function (resolve, reject) {
      var script = doc.createElement("script");
      script.src = url;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("could not load " + url)); };
      doc.body.appendChild(script);
    });
  }

  class FrameWorker extends EventTarget {
    constructor(url) {
      super();
      var self = this;
      this.url = new URL(String(url), document.baseURI).href;
      this.iframe = document.createElement("iframe");
      this.iframe.hidden = true;
      this.iframe.title = "search";  // never shown; named for assistive technology all the same
      document.body.appendChild(this.iframe);
      var frame = this.iframe.contentWindow;
      // What a worker script expects of its global scope; importScripts loads one file after
      // another and (unlike a worker's) returns a promise, as iframe-worker's does.
      frame.postMessage = function (data) { self.emit(new MessageEvent("message", { data: structuredClone(data) })); };
      frame.importScripts = function () {
        var urls = Array.prototype.slice.call(arguments);
        return urls.reduce(function (done, next) {
          return done.then(function () { return loadScript(frame.document, new URL(next, self.url).href); });
        }, Promise.resolve());
      };
      frame.addEventListener("error", function (event) {
        self.emit(new ErrorEvent("error", { message: event.message, filename: self.url, error: event.error }));
      });
      this.ready = loadScript(frame.document, this.url);
      this.ready.catch(function (error) { self.emit(new ErrorEvent("error", { message: error.message, filename: self.url, error: error })); });
    }

    emit(event) {
      this.dispatchEvent(event);
      var handler = this["on" + event.type];
      if (typeof handler === "function") handler.call(this, event);
    }

    postMessage(data) {
      var frame = this.iframe.contentWindow;
      this.ready.then(function () { frame.dispatchEvent(new MessageEvent("message", { data: structuredClone(data) })); });
    }

    terminate() {
      this.iframe.remove();
    }
  }

  window.Worker = FrameWorker;
})();
