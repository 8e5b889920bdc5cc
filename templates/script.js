// script.js: filters by text and source, and the j / k keys to move from
// event to event. The page is complete without it; it only reveals the
// filter form, hides what does not match and redraws the density strip
// for what is shown. Inlined by base.html and allowed by its hash in the
// Content-Security-Policy. Written for thousands of events: every card's
// text is read once, and a filter touches only the cards that change.
(function () {
  "use strict";
  var form = document.getElementById("filters");
  var input = document.getElementById("filter-q");
  var status = document.getElementById("filter-status");
  var all = document.getElementById("filter-all");
  if (!form || !input || !status) {
    return;
  }
  var boxes = Array.prototype.slice.call(form.querySelectorAll('input[name="source"]'));
  var events = Array.prototype.slice.call(document.querySelectorAll("li.ev"));
  // Each card's text, read once the page is idle (or at the first search,
  // if that comes first) rather than while it loads.
  var texts = null;
  function text(i) {
    if (!texts) {
      texts = events.map(function (li) {
        return li.textContent.toLowerCase().replace(/\s+/g, " ");
      });
    }
    return texts[i];
  }
  var keys = events.map(function (li) {
    return (li.getAttribute("data-s") || "").split(" ").filter(Boolean);
  });
  var shownBefore = events.map(function () { return true; });
  // The groups a card sits in (month, year), hidden when all their cards are.
  var groups = Array.prototype.slice.call(document.querySelectorAll("section.month, details.year, section.undated"));
  var index = new Map();
  groups.forEach(function (g, i) { index.set(g, i); });
  var groupOf = events.map(function (li) {
    var out = [];
    for (var el = li.parentElement; el; el = el.parentElement) {
      if (index.has(el)) {
        out.push(index.get(el));
      }
    }
    return out;
  });
  // Each year's count, "12 events", said again for what is shown.
  var yearCounts = groups.map(function (g) {
    var n = g.matches("details.year") && g.querySelector("summary .n");
    return n ? { el: n, text: n.textContent } : null;
  });
  var eventIndex = new Map();
  events.forEach(function (li, i) { eventIndex.set(li, i); });
  // The density strip's cells and which cards each counts.
  var cells = Array.prototype.slice.call(document.querySelectorAll(".strip li[data-in]"));
  var cellOf = events.map(function () { return -1; });
  cells.forEach(function (cell, c) {
    cell.getAttribute("data-in").split(" ").forEach(function (id) {
      var section = id && document.getElementById(id);
      if (!section) {
        return;
      }
      Array.prototype.forEach.call(section.querySelectorAll("li.ev"), function (li) {
        var i = eventIndex.get(li);
        if (i !== undefined && cellOf[i] === -1) {
          cellOf[i] = c;
        }
      });
    });
  });
  var key = document.getElementById("key");

  function redrawStrip(shown) {
    var counts = cells.map(function () { return 0; });
    shown.forEach(function (on, i) {
      if (on && cellOf[i] !== -1) {
        counts[cellOf[i]] += 1;
      }
    });
    var max = Math.max.apply(null, counts.concat([1]));
    cells.forEach(function (cell, c) {
      var level = Math.min(4, Math.ceil((counts[c] * 4) / max));
      cell.className = "cell level-" + level;
    });
  }

  function apply() {
    var query = input.value.trim().toLowerCase().replace(/\s+/g, " ");
    var on = {};
    var every = true;
    boxes.forEach(function (box) {
      on[box.value] = box.checked;
      every = every && box.checked;
    });
    var shown = events.map(function (li, i) {
      var k = keys[i];
      var bySource = every || k.length === 0 || k.some(function (s) { return on[s]; });
      return bySource && (query === "" || text(i).indexOf(query) !== -1);
    });
    var perGroup = groups.map(function () { return 0; });
    var count = 0;
    shown.forEach(function (s, i) {
      if (s !== shownBefore[i]) {
        events[i].hidden = !s;
      }
      if (s) {
        count += 1;
        groupOf[i].forEach(function (g) { perGroup[g] += 1; });
      }
    });
    var visible = perGroup.map(function (n) { return n > 0; });
    yearCounts.forEach(function (y, g) {
      if (y) {
        y.el.textContent = count === events.length ? y.text : perGroup[g] + " shown of " + y.text;
      }
    });
    shownBefore = shown;
    groups.forEach(function (g, i) {
      if (g.hidden === visible[i]) {
        g.hidden = !visible[i];
      }
    });
    // While searching, the key events step aside: the results come first.
    if (key) {
      key.hidden = count !== events.length;
    }
    redrawStrip(shown);
    status.textContent = count === events.length
      ? "All " + events.length + " events shown."
      : count + " of " + events.length + " events shown.";
  }

  // j and k move the focus to the next and previous shown event.
  document.addEventListener("keydown", function (e) {
    if (e.altKey || e.ctrlKey || e.metaKey || (e.key !== "j" && e.key !== "k")) {
      return;
    }
    var target = e.target;
    if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.isContentEditable)) {
      return;
    }
    var links = events
      .filter(function (li, i) { return shownBefore[i]; })
      .map(function (li) { return li.querySelector(".t a"); })
      .filter(Boolean);
    if (links.length === 0) {
      return;
    }
    var current = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest("li.ev")
      : null;
    var at = current ? links.indexOf(current.querySelector(".t a")) : -1;
    var next = e.key === "j" ? at + 1 : (at === -1 ? links.length - 1 : at - 1);
    next = Math.max(0, Math.min(links.length - 1, next));
    var details = links[next].closest("details");
    if (details) {
      details.open = true;
    }
    links[next].focus();
    e.preventDefault();
  });

  if (all) {
    all.addEventListener("click", function () {
      var every = boxes.every(function (b) { return b.checked; });
      boxes.forEach(function (b) { b.checked = !every; });
      all.textContent = every ? "select all" : "select none";
      apply();
    });
    all.textContent = "select none";
  }
  // Paper shows every year, folded or not.
  window.addEventListener("beforeprint", function () {
    Array.prototype.forEach.call(document.querySelectorAll("details.year"), function (d) {
      d.open = true;
    });
  });
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) {
    e.preventDefault();
  });
  form.hidden = false;
  (window.requestIdleCallback || window.setTimeout)(function () {
    text(0);
  });
})();
