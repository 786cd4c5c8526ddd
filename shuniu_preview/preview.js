// Served by `make serve` only (shuniu_preview/server.py), never part of the built site.
// Reloads the page after each save (MkDocs' live-reload protocol: /livereload/EPOCH/ID answers once
// the site is newer than EPOCH) and lists the content problems over the page while there are any.
(function () {
  "use strict";
  var script = document.currentScript;
  var epoch = Number(script.getAttribute("data-epoch"));
  var base = script.src.replace(/preview\.js.*$/, "");

  function poll() {
    var request = new XMLHttpRequest();
    request.onloadend = function () {
      if (Number(request.responseText) > epoch) location.reload();
      else setTimeout(poll, request.status === 200 ? 0 : 3000);
    };
    request.open("GET", "/livereload/" + epoch + "/" + Date.now());
    request.send();
  }

  function box(problems, building) {
    var panel = document.createElement("section");
    panel.id = "shuniu-preview-problems";
    panel.setAttribute("role", "alert");
    var style = panel.style;  // CSSOM, not a style attribute: the page's policy allows it
    style.position = "fixed"; style.zIndex = "10000"; style.top = "0"; style.left = "0"; style.right = "0";
    style.maxHeight = "60vh"; style.overflow = "auto"; style.padding = "0.8em 1.2em";
    style.background = "#fff4f4"; style.color = "#5c0000"; style.borderBottom = "3px solid #b00000";
    style.font = "14px/1.5 monospace"; style.whiteSpace = "pre-wrap";
    var heading = document.createElement("strong");
    heading.textContent = problems.length
      ? "内容有 " + problems.length + " 个问题（shuniu check），页面仍是上次无误时的样子 · Content problems: the page is the last good one"
      : "正在完整重建… · Full build under way…";
    panel.appendChild(heading);
    var list = document.createElement("ul");
    problems.forEach(function (line) {
      var item = document.createElement("li");
      item.textContent = line;  // text, never HTML: the message quotes the author's content
      list.appendChild(item);
    });
    panel.appendChild(list);
    return panel;
  }

  function show(state) {
    var old = document.getElementById("shuniu-preview-problems");
    if (old) old.remove();
    if (state.problems.length || state.building) document.body.appendChild(box(state.problems, state.building));
  }

  fetch(base + "problems.json", {cache: "no-store"})
    .then(function (response) { return response.json(); })
    .then(show)
    .catch(function () { /* the server stopped: nothing to show */ });
  poll();
})();
