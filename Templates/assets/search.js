// Site search: ranks the records of the index written at build time (search-index.js,
// loaded by a <script> element so it also works from file://). No library, no requests.
(function () {
  "use strict";
  var records = window.dossierSearch || [];
  // Words of the page's language too common to look for ("de", "la"): dropped from queries.
  var stopWords = {};
  (window.dossierSearchStopWords || []).forEach(function (word) { stopWords[word] = true; });
  var input = document.getElementById("search-input");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  if (!input || !list) return;
  var root = list.getAttribute("data-root") || "";
  var portable = list.getAttribute("data-portable") === "true";
  // The page's words for what this script writes (Templates/i18n/), English without them.
  function said(name, english) { return list.getAttribute("data-" + name) || english; }
  var sourceKind = said("source-kind", "Source");
  // Field, weight: a match in a title counts more than one in the body text.
  var fields = [["t", 12], ["a", 9], ["h", 4], ["s", 3], ["x", 1]];
  var limit = 50;

  // Case and diacritics do not matter: "goita" finds "Goïta", "cote" finds "Côte".
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"');
  }
  var folded = records.map(function (record) {
    var result = {};
    fields.forEach(function (field) { result[field[0]] = fold(record[field[0]] || ""); });
    return result;
  });

  function terms(query) {
    var all = fold(query).split(/[^\p{L}\p{N}'-]+/u).filter(function (term) { return term.length > 0; });
    // "l'Etat" is "etat"; a query of stop words alone still looks for them.
    var kept = all.map(function (term) { return term.replace(/^[a-z]{1,2}'/, function (elided) { return stopWords[elided.slice(0, -1)] ? "" : elided; }); })
      .filter(function (term) { return term.length > 0 && !stopWords[term]; });
    return kept.length > 0 ? kept : all;
  }

  function startsWord(text, index) {
    return index === 0 || /[^\p{L}\p{N}]/u.test(text.charAt(index - 1));
  }

  function score(index, words) {
    var total = 0;
    for (var w = 0; w < words.length; w++) {
      var best = 0;
      for (var f = 0; f < fields.length; f++) {
        var text = folded[index][fields[f][0]];
        var at = text.indexOf(words[w]);
        if (at < 0) continue;
        var value = fields[f][1] * (startsWord(text, at) ? 2 : 1);
        if (best < value) best = value;
      }
      if (best === 0) return 0; // every word must match somewhere
      total += best;
    }
    // A title the query is all of, or most of, is what the reader is looking for: "goita"
    // opens on "Assimi Goïta" before "Goïta promulgue la charte".
    var title = folded[index].t, query = words.join(" ");
    if (title === query) total += 50;
    else if (words.every(function (word) { return title.indexOf(word) >= 0; })) total += Math.round(10 * query.length / title.length);
    return total;
  }

  function href(path) {
    var hash = path.indexOf("#");
    var page = hash < 0 ? path : path.slice(0, hash);
    var fragment = hash < 0 ? "" : path.slice(hash);
    if (portable && (page === "" || page.charAt(page.length - 1) === "/")) page += "index.html";
    return root + page + fragment;
  }

  // The original text, its folded form, and where each folded character came from, so a
  // match found in the folded text is highlighted in the text as written.
  function foldMap(text) {
    var out = "", from = [], index = 0;
    for (var ch of text) {
      var f = fold(ch);
      for (var i = 0; i < f.length; i++) from.push(index);
      out += f;
      index += ch.length;
    }
    from.push(text.length);
    return { text: out, from: from };
  }

  function snippet(record, words) {
    var source = record.x || record.s || "";
    var map = foldMap(source);
    var first = -1;
    words.forEach(function (word) {
      var at = map.text.indexOf(word);
      if (at >= 0 && (first < 0 || at < first)) first = at;
    });
    var start = first < 0 ? 0 : Math.max(0, map.from[first] - 70);
    if (start > 0) { var space = source.indexOf(" ", start); if (space >= 0 && space < start + 20) start = space + 1; }
    var end = Math.min(source.length, start + 220);
    if (end < source.length) { var cut = source.lastIndexOf(" ", end); if (cut > start + 100) end = cut; }
    var ranges = [];
    words.forEach(function (word) {
      for (var at = map.text.indexOf(word); at >= 0; at = map.text.indexOf(word, at + word.length)) {
        var a = map.from[at], b = map.from[at + word.length];
        if (a >= start && b <= end) ranges.push([a, b]);
      }
    });
    ranges.sort(function (x, y) { return x[0] - y[0]; });
    var paragraph = document.createElement("p");
    var position = start;
    if (start > 0) paragraph.appendChild(document.createTextNode("… "));
    ranges.forEach(function (range) {
      if (range[0] < position) return;
      paragraph.appendChild(document.createTextNode(source.slice(position, range[0])));
      var mark = document.createElement("mark");
      mark.textContent = source.slice(range[0], range[1]);
      paragraph.appendChild(mark);
      position = range[1];
    });
    paragraph.appendChild(document.createTextNode(source.slice(position, end) + (end < source.length ? " …" : "")));
    return paragraph;
  }

  function run(query) {
    var words = terms(query);
    list.textContent = "";
    if (words.length === 0) { status.textContent = ""; return; }
    var hits = [];
    for (var i = 0; i < records.length; i++) {
      var value = score(i, words);
      if (value > 0) hits.push([value, i]);
    }
    // At equal scores: the dossier's own pages before the sources it cites, each in the
    // page's language first, then by title.
    function rank(record) { return (record.k === sourceKind ? 2 : 0) + (record.l ? 1 : 0); }
    hits.sort(function (a, b) {
      return b[0] - a[0] || rank(records[a[1]]) - rank(records[b[1]]) || (records[a[1]].t < records[b[1]].t ? -1 : 1);
    });
    hits.slice(0, limit).forEach(function (hit) {
      var record = records[hit[1]];
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = href(record.u);
      link.textContent = record.t;
      item.appendChild(link);
      if (record.l) {
        // A page not translated into the page's language: said so, as links elsewhere do.
        link.lang = link.hreflang = record.l;
        var marker = document.createElement("span");
        marker.className = "language-marker";
        marker.lang = record.l;
        marker.textContent = " (" + record.l + ")";
        item.appendChild(marker);
      }
      var meta = document.createElement("p");
      meta.className = "meta";
      meta.textContent = record.k + (record.d ? " · " + record.d : "");
      item.appendChild(meta);
      var quoted = snippet(record, words);
      if (record.l) quoted.lang = record.l;
      item.appendChild(quoted);
      list.appendChild(item);
    });
    var shown = Math.min(hits.length, limit);
    function fill(text) {
      // A function, so that "$&" in a query is not read as a replacement pattern.
      return text.replace("{count}", hits.length).replace("{shown}", shown).replace("{query}", function () { return query; });
    }
    status.textContent = hits.length === 0 ? fill(said("no-results", "No results for “{query}”."))
      : fill(hits.length === 1 ? said("one-result", "{count} result for “{query}”") : said("results", "{count} results for “{query}”"))
        + (shown < hits.length ? fill(said("first-shown", ", the first {shown} shown.")) : ".");
  }

  function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

  var pending = 0;
  input.addEventListener("input", function () {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(function () {
      run(input.value);
      try { history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) { /* file:// may refuse */ }
    });
  });
  input.form.addEventListener("submit", function (event) { event.preventDefault(); run(input.value); });
  // Arrow keys move between the input and the results; Escape goes back to the input.
  document.addEventListener("keydown", function (event) {
    var items = links();
    var at = items.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && (document.activeElement === input || at >= 0)) {
      if (items[at + 1]) { items[at + 1].focus(); event.preventDefault(); }
    } else if (event.key === "ArrowUp" && at >= 0) {
      (at === 0 ? input : items[at - 1]).focus();
      event.preventDefault();
    } else if (event.key === "Escape" && at >= 0) {
      input.focus();
    }
  });

  var query = new URLSearchParams(location.search).get("q") || "";
  input.value = query;
  run(query);
  input.focus();
})();
