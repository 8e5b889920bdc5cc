// script.js: filters by text and source. The page is complete without it;
// it only reveals the filter form and hides what does not match. Inlined by
// base.html and allowed by its hash in the Content-Security-Policy.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var input = document.getElementById("filter-q");
  var status = document.getElementById("filter-status");
  if (!form || !input || !status) {
    return;
  }
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="source"]'));
  var events = Array.prototype.slice.call(document.querySelectorAll("li.event"));
  var groups = Array.prototype.slice.call(
    document.querySelectorAll("li.month, .spans-block, li.year, section.undated")
  );
  var texts = events.map(function (li) {
    return li.textContent.toLowerCase().replace(/\s+/g, " ");
  });

  function apply() {
    var query = input.value.trim().toLowerCase().replace(/\s+/g, " ");
    var on = {};
    boxes.forEach(function (box) {
      on[box.value] = box.checked;
    });
    var shown = 0;
    events.forEach(function (li, i) {
      var keys = (li.getAttribute("data-sources") || "").split(" ").filter(Boolean);
      var bySource = keys.length === 0 || keys.some(function (k) { return on[k]; });
      var byText = query === "" || texts[i].indexOf(query) !== -1;
      li.hidden = !(bySource && byText);
      if (!li.hidden) {
        shown += 1;
      }
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector("li.event:not([hidden])");
    });
    status.textContent = shown === events.length
      ? "All " + events.length + " events shown."
      : shown + " of " + events.length + " events shown.";
  }

  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) {
    e.preventDefault();
  });
  form.hidden = false;
})();
