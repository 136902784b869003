/* jdcheck HTML report: filters kept in the URL fragment, e.g.
   #severity=error,warning&category=liability-over-limit. Values of one filter are alternatives;
   different filters must all hold. Without this script every finding stays shown. */
(function () {
  "use strict";
  var KEYS = ["severity", "category", "language", "jurisdiction"];
  var FINDING_KEYS = ["severity", "category"];
  var form = document.getElementById("filter-form");
  var panel = document.getElementById("filters");
  var counter = document.getElementById("visible-count");
  var findings = Array.prototype.slice.call(document.querySelectorAll("#documents .finding"));
  var documents = Array.prototype.slice.call(document.querySelectorAll("#documents .document"));
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"));

  function decode(text) {
    try { return decodeURIComponent(text); } catch (e) { return text; }
  }

  function parse(hash) {
    var state = {};
    hash.replace(/^#/, "").split("&").forEach(function (part) {
      var eq = part.indexOf("=");
      if (eq < 1) { return; }
      var key = decode(part.slice(0, eq));
      if (KEYS.indexOf(key) < 0) { return; }
      var values = part.slice(eq + 1).split(",").map(decode).filter(Boolean);
      if (values.length) { state[key] = values; }
    });
    return state;
  }

  function serialise(state) {
    return KEYS.filter(function (key) { return state[key] && state[key].length; })
      .map(function (key) {
        return key + "=" + state[key].map(encodeURIComponent).join(",");
      }).join("&");
  }

  function fits(element, state, keys) {
    return keys.every(function (key) {
      return !state[key] || state[key].indexOf(element.getAttribute("data-" + key)) >= 0;
    });
  }

  function apply(state) {
    var shown = 0;
    findings.forEach(function (el) {
      var visible = fits(el, state, KEYS);
      el.hidden = !visible;
      if (visible) { shown += 1; }
    });
    var narrowsFindings = FINDING_KEYS.some(function (key) { return state[key]; });
    documents.forEach(function (doc) {
      var own = fits(doc, state, ["language", "jurisdiction"]);
      var anyShown = doc.querySelector(".finding:not([hidden])") !== null;
      doc.hidden = !own || (narrowsFindings && !anyShown);
    });
    boxes.forEach(function (box) {
      box.checked = !!state[box.name] && state[box.name].indexOf(box.value) >= 0;
    });
    counter.textContent = String(shown);
  }

  function fromControls() {
    var state = {};
    boxes.forEach(function (box) {
      if (box.checked) { (state[box.name] = state[box.name] || []).push(box.value); }
    });
    return state;
  }

  function write(state) {
    var fragment = serialise(state);
    if (fragment) {
      location.hash = fragment;
    } else {
      try {
        history.replaceState(null, "", location.pathname + location.search);
      } catch (e) {
        location.hash = "";
      }
      apply(state);
    }
  }

  form.addEventListener("change", function () { write(fromControls()); });
  document.getElementById("filter-clear").addEventListener("click", function () { write({}); });
  window.addEventListener("hashchange", function () { apply(parse(location.hash)); });

  var opened = [];
  window.addEventListener("beforeprint", function () {
    opened = Array.prototype.slice.call(document.querySelectorAll("details:not([open])"));
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    opened.forEach(function (d) { d.open = false; });
  });

  panel.hidden = false;
  apply(parse(location.hash));
})();
