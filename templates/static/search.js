/* Search for briefings: our own small script, no libraries, no network. The index comes
   from search-index.js (window.BRIEFINGS_SEARCH_INDEX, a script so that pages opened from
   disk can load it), or from search.json where fetch() is allowed.

   Every field is folded (lower case, accents off) once, when the index loads; a query is
   then a few indexOf scans per article. Every word of the query must appear somewhere in
   an article; matches in the title count most, then participants and speakers, then key
   points, then quotes; ties keep the site's order (newest first). */
(function () {
  "use strict";

  var MAX_ARTICLES = 50;
  var MAX_PARTICIPANTS = 12;
  var WEIGHTS = { title: 8, people: 4, points: 2, quotes: 1 };

  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function words(query) {
    return fold(query).split(/[\s"“”‘’,.;:!?()\[\]]+/).filter(Boolean);
  }

  function prepare(index) {
    var articles = index.articles.map(function (a, i) {
      var named = a.participants.concat(a.speakers.filter(Boolean));
      var fields = {
        title: fold(a.title),
        people: fold(named.join("\n")),
        points: fold(a.points.join("\n")),
        quotes: fold(a.quotes.join("\n"))
      };
      fields.all = [fields.title, fields.people, fields.points, fields.quotes].join("\n");
      return { item: a, order: i, fields: fields };
    });
    var participants = index.participants.map(function (p) {
      return { item: p, name: fold(p.name) };
    });
    return { articles: articles, participants: participants };
  }

  function search(prepared, query) {
    var terms = words(query);
    var result = { terms: terms, articles: [], participants: [], total: 0 };
    if (!terms.length) return result;
    var found = [];
    var articles = prepared.articles;
    for (var i = 0; i < articles.length; i++) {
      var fields = articles[i].fields;
      var all = fields.all;
      var ok = true;
      for (var t = 0; t < terms.length; t++) {
        if (all.indexOf(terms[t]) < 0) { ok = false; break; }
      }
      if (!ok) continue;
      var score = 0;
      for (t = 0; t < terms.length; t++) {
        for (var field in WEIGHTS) {
          if (fields[field].indexOf(terms[t]) >= 0) score += WEIGHTS[field];
        }
      }
      found.push({ score: score, order: articles[i].order, item: articles[i].item });
    }
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order; });
    result.total = found.length;
    result.articles = found.slice(0, MAX_ARTICLES).map(function (f) { return f.item; });
    var people = prepared.participants.filter(function (p) {
      return terms.every(function (term) { return p.name.indexOf(term) >= 0; });
    });
    people.sort(function (a, b) { return b.item.articles - a.item.articles; });
    result.participants = people.slice(0, MAX_PARTICIPANTS).map(function (p) { return p.item; });
    return result;
  }

  // -- the page ------------------------------------------------------------------------

  var TYPE_LABELS = { PERSON: "person", ORG: "organisation", GPE: "place", LOC: "place" };
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];

  // "2026-11-18" as every other page writes it (the date filter in render.py): "18 November 2026".
  function longDate(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? Number(m[3]) + " " + MONTHS[Number(m[2]) - 1] + " " + m[1] : iso;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The text with each query word marked; only where lower-casing keeps the text's length,
  // so positions in the lower-cased copy are positions in the text.
  function marked(text, terms) {
    var span = el("span");
    var lower = text.toLowerCase();
    var cuts = [];
    if (lower.length === text.length) {
      terms.forEach(function (term) {
        for (var at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length)) {
          cuts.push([at, at + term.length]);
        }
      });
    }
    cuts.sort(function (a, b) { return a[0] - b[0]; });
    var pos = 0;
    cuts.forEach(function (cut) {
      if (cut[0] < pos) return;
      span.appendChild(document.createTextNode(text.slice(pos, cut[0])));
      span.appendChild(el("mark", "", text.slice(cut[0], cut[1])));
      pos = cut[1];
    });
    span.appendChild(document.createTextNode(text.slice(pos)));
    return span;
  }

  // The first key point or quote that has a query word in it, else the first key point.
  function snippet(article, terms) {
    var texts = article.points.concat(article.quotes.map(function (q) { return "“" + q + "”"; }));
    for (var i = 0; i < texts.length; i++) {
      var folded = fold(texts[i]);
      if (terms.some(function (term) { return folded.indexOf(term) >= 0; })) return texts[i];
    }
    return article.points[0] || "";
  }

  function render(result, query, status, list) {
    list.textContent = "";
    if (!result.terms.length) {
      status.textContent = "";
      return;
    }
    if (!result.total && !result.participants.length) {
      status.textContent = "No results for “" + query.trim() + "”.";
      return;
    }
    status.textContent = result.total + (result.total === 1 ? " article" : " articles") +
      (result.participants.length ? " and " + result.participants.length +
        (result.participants.length === 1 ? " participant" : " participants") : "") +
      " for “" + query.trim() + "”" + (result.total > result.articles.length ?
        "; showing the first " + result.articles.length + "." : ".");
    if (result.participants.length) {
      var section = resultSection(list, "search-participants", "Participants");
      var chips = el("ul", "chips");
      result.participants.forEach(function (p) {
        var link = el("a", "chip chip-" + p.type.toLowerCase());
        link.href = p.url;
        link.appendChild(marked(p.name, result.terms));
        link.appendChild(el("span", "visually-hidden", " (" + (TYPE_LABELS[p.type] || p.type) + ", " +
          p.articles + (p.articles === 1 ? " article)" : " articles)")));
        var item = el("li");
        item.appendChild(link);
        chips.appendChild(item);
      });
      section.appendChild(chips);
    }
    if (result.articles.length) {
      var articles = resultSection(list, "search-articles", "Articles");
      var ol = el("ol", "index-list search-results");
      result.articles.forEach(function (a) {
        var item = el("li");
        var link = el("a", "entry-title");
        link.href = a.url;
        link.appendChild(marked(a.title, result.terms));
        item.appendChild(link);
        if (a.source || a.date) {  // the byline of the other pages: "BBC News · <time>18 November 2026</time>"
          var meta = el("span", "meta", a.source && a.date ? a.source + " · " : a.source);
          if (a.date) {
            var time = el("time", "", longDate(a.date));
            time.setAttribute("datetime", a.date);
            meta.appendChild(time);
          }
          item.appendChild(meta);
        }
        var text = snippet(a, result.terms);
        if (text) {
          var p = el("p", "snippet");
          p.appendChild(marked(text, result.terms));
          item.appendChild(p);
        }
        ol.appendChild(item);
      });
      articles.appendChild(ol);
    }
  }

  // A section of the results, labelled by its heading, added to the list.
  function resultSection(list, id, title) {
    var section = el("section", "search-section");
    section.setAttribute("aria-labelledby", id);
    var heading = el("h2", "", title);
    heading.id = id;
    section.appendChild(heading);
    list.appendChild(section);
    return section;
  }

  function start(index) {
    var input = document.getElementById("search-query");
    var status = document.getElementById("search-status");
    var list = document.getElementById("search-results");
    if (!input || !status || !list) return;
    var prepared = prepare(index);
    var run = function () {
      render(search(prepared, input.value), input.value, status, list);
      try {  // keep ?q= in the address, so a search can be bookmarked or shared
        var url = new URL(window.location.href);
        if (input.value.trim()) url.searchParams.set("q", input.value); else url.searchParams.delete("q");
        window.history.replaceState(null, "", url.href);
      } catch (e) { /* some browsers refuse this on file:// pages; searching still works */ }
    };
    input.addEventListener("input", run);
    input.form.addEventListener("submit", function (event) { event.preventDefault(); run(); });
    var initial = new URLSearchParams(window.location.search).get("q");
    if (initial) {
      input.value = initial;
      run();
    }
  }

  window.briefingsSearch = { prepare: prepare, search: search };

  if (typeof document === "undefined" || !document.getElementById("search-query")) return;
  if (window.BRIEFINGS_SEARCH_INDEX) {
    start(window.BRIEFINGS_SEARCH_INDEX);
  } else if (window.location.protocol !== "file:") {
    fetch("search.json").then(function (r) { return r.json(); }).then(start).catch(function () {
      document.getElementById("search-status").textContent = "The search index could not be loaded.";
    });
  } else {
    document.getElementById("search-status").textContent = "The search index could not be loaded.";
  }
})();
