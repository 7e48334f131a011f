/* kbdesk site search: folds the query like the app (tw2s table shipped in search/fold.js),
   looks up character bigrams, words and Latin terms in the index shards it needs (loaded as
   script tags, since file:// pages cannot fetch), ranks sections by summed BM25 weights and
   shows snippets with the matched words highlighted. No network, no external code. */
(function () {
  "use strict";
  var CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var LATIN = /[0-9a-z]+/g;
  var state = { meta: null, fold: {}, loaded: {}, waiting: {} };

  function hash(term) {
    var h = 0x811c9dc5;
    for (var i = 0; i < term.length; i++) {
      var code = term.codePointAt(i);
      if (code > 0xffff) i++;
      h ^= code;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }

  function foldText(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var ch = text.charAt(i);
      var f = state.fold[ch];
      out += f === undefined ? ch.toLowerCase().charAt(0) || ch : f;
    }
    return out;
  }

  function load(name) {
    if (state.loaded[name]) return Promise.resolve(state.loaded[name]);
    if (state.waiting[name]) return state.waiting[name].promise;
    var entry = {};
    entry.promise = new Promise(function (resolve) {
      entry.resolve = resolve;
      var tag = document.createElement("script");
      tag.src = "search/" + name + ".js";
      tag.onerror = function () { resolve(null); };
      document.head.appendChild(tag);
    });
    state.waiting[name] = entry;
    return entry.promise;
  }

  function runTerms(run) {
    if (run.length === 1) return [run];
    var out = [];
    for (var i = 0; i + 2 <= run.length; i++) out.push(run.substr(i, 2));
    return out;
  }

  /* The query as units that must all match: each CJK run and each Latin word is one unit,
     satisfied by any of its alternatives (the run as typed, or with a word of a synonym group
     replaced by another word of the group); an alternative matches when all its terms do. */
  function queryTerms(folded) {
    var units = [], bonus = [], runs = [], seen = {};
    var groups = (state.meta && state.meta.synonyms) || [];
    (folded.match(CJK) || []).forEach(function (run) {
      var variants = [run];
      groups.forEach(function (group) {
        group.forEach(function (word) {
          if (run.indexOf(word) < 0) return;
          group.forEach(function (other) {
            var v = run.split(word).join(other);
            if (variants.indexOf(v) < 0) variants.push(v);
          });
        });
      });
      units.push(variants.map(runTerms));
      variants.forEach(function (v) {
        runs.push(v);
        for (var n = 3; n <= Math.min(4, v.length); n++)
          for (var j = 0; j + n <= v.length; j++) {
            var w = v.substr(j, n);
            if (!seen[w]) { seen[w] = 1; bonus.push(w); }
          }
      });
    });
    (folded.match(LATIN) || []).forEach(function (w) { units.push([[w]]); runs.push(w); });
    var must = [];
    units.forEach(function (alts) {
      alts.forEach(function (alt) {
        alt.forEach(function (t) { if (must.indexOf(t) < 0) must.push(t); });
      });
    });
    return { units: units, must: must, bonus: bonus.filter(function (w) {
      return must.indexOf(w) < 0; }), runs: runs };
  }

  function shardOf(term) { return "p" + (hash(term) % state.meta.shards); }

  function postings(term) {
    return load(shardOf(term)).then(function (shard) {
      return (shard && Object.prototype.hasOwnProperty.call(shard, term)) ? shard[term] : null;
    });
  }

  function score(terms) {
    var all = terms.must.concat(terms.bonus);
    return Promise.all(all.map(postings)).then(function (lists) {
      var total = state.meta.entries, k1 = state.meta.k1;
      var scores = {}, found = {};
      lists.forEach(function (flat, t) {
        if (!flat) return;
        var entry = 0, df = flat.length / 2, where = {};
        var idf = Math.log(1 + (total - df + 0.5) / (df + 0.5)) * (k1 + 1);
        for (var i = 0; i < flat.length; i += 2) {
          entry += flat[i];
          var tf = flat[i + 1];
          scores[entry] = (scores[entry] || 0) + idf * tf / (tf + k1);
          where[entry] = 1;
        }
        found[all[t]] = where;
      });
      // entries matching every unit; else those matching the most of the typed terms
      var matched = {}, hits = {};
      terms.units.forEach(function (alts, u) {
        var unitHit = {};
        alts.forEach(function (alt, a) {
          var count = {};
          alt.forEach(function (term) {
            var where = found[term] || {};
            Object.keys(where).forEach(function (e) {
              count[e] = (count[e] || 0) + 1;
              if (a === 0) hits[e] = (hits[e] || 0) + 1;
            });
          });
          Object.keys(count).forEach(function (e) {
            if (count[e] === alt.length) unitHit[e] = 1;
          });
        });
        Object.keys(unitHit).forEach(function (e) { matched[e] = (matched[e] || 0) + 1; });
      });
      var mode = "all", chosen = Object.keys(matched).filter(function (e) {
        return matched[e] === terms.units.length;
      });
      if (!chosen.length) {
        var best = 0;
        Object.keys(hits).forEach(function (e) { if (hits[e] > best) best = hits[e]; });
        chosen = Object.keys(hits).filter(function (e) { return hits[e] === best; });
        mode = "some";
      }
      chosen.sort(function (a, b) { return scores[b] - scores[a] || a - b; });
      return { ids: chosen.map(Number), scores: scores, mode: mode, total: chosen.length };
    });
  }

  function snippet(text, runs, size) {
    var folded = foldText(text), spans = [];
    runs.forEach(function (r) {
      var needles = [r];
      if (folded.indexOf(r) < 0 && r.length > 2 && /[^0-9a-z]/.test(r))
        for (var i = 0; i + 2 <= r.length; i++) needles.push(r.substr(i, 2));
      needles.forEach(function (n) {
        var at = folded.indexOf(n);
        while (at >= 0) { spans.push([at, at + n.length]); at = folded.indexOf(n, at + n.length); }
      });
    });
    spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    spans.forEach(function (s) {
      var last = merged[merged.length - 1];
      if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]); else merged.push(s.slice());
    });
    var start = merged.length ? Math.max(0, merged[0][0] - Math.floor(size / 3)) : 0;
    var end = Math.min(text.length, start + size);
    var frag = document.createDocumentFragment(), cursor = start;
    if (start > 0) frag.appendChild(document.createTextNode("…"));
    merged.forEach(function (s) {
      if (s[1] <= start || s[0] >= end) return;
      var a = Math.max(s[0], start), b = Math.min(s[1], end);
      if (a > cursor) frag.appendChild(document.createTextNode(text.slice(cursor, a)));
      var mark = document.createElement("mark");
      mark.textContent = text.slice(a, b);
      frag.appendChild(mark);
      cursor = b;
    });
    if (cursor < end) frag.appendChild(document.createTextNode(text.slice(cursor, end)));
    if (end < text.length) frag.appendChild(document.createTextNode("…"));
    return frag;
  }

  var KIND = { handbook: "手冊", phrasing: "話術", procedure: "流程" };

  function render(query, terms, found, limit) {
    var bits = state.meta.sectionBits, group = state.meta.textGroup;
    var ids = found.ids.slice(0, limit);
    var groups = {};
    ids.forEach(function (id) { groups["t" + Math.floor((id >> bits) / group)] = 1; });
    return Promise.all(Object.keys(groups).map(load)).then(function () {
      var docs = {};
      Object.keys(groups).forEach(function (name) {
        (state.loaded[name] || []).forEach(function (d) { docs[d[0]] = d; });
      });
      var list = document.getElementById("results");
      list.textContent = "";
      ids.forEach(function (id) {
        var d = docs[id >> bits];
        if (!d) return;
        var section = d[5].filter(function (e) { return e[0] === (id & ((1 << bits) - 1)); })[0];
        if (!section) return;
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = d[1] + (section[1] ? "#" + encodeURIComponent(section[1]) : "");
        a.textContent = section[2] ? d[2] + " › " + section[2] : d[2];
        a.appendChild(document.createTextNode(""));
        var title = document.createElement("h3");
        title.appendChild(snippet(a.textContent, terms.runs, 200));
        a.textContent = "";
        a.appendChild(title);
        li.appendChild(a);
        var meta = document.createElement("p");
        meta.className = "meta";
        var kind = document.createElement("span");
        kind.className = "kind kind-" + d[3];
        kind.textContent = KIND[d[3]] || d[3];
        meta.appendChild(kind);
        meta.appendChild(document.createTextNode(" " + d[4]));
        li.appendChild(meta);
        var p = document.createElement("p");
        p.className = "snippet";
        p.appendChild(snippet(section[3], terms.runs, 120));
        li.appendChild(p);
        list.appendChild(li);
      });
      return ids.length;
    });
  }

  function setStatus(text) { document.getElementById("status").textContent = text; }

  function search(query) {
    var started = performance.now();
    var folded = foldText(query.trim());
    var terms = queryTerms(folded);
    if (!terms.units.length) {
      document.getElementById("results").textContent = "";
      setStatus(query.trim() ? "請輸入中文字詞、英文或數字。" : "");
      return Promise.resolve(0);
    }
    setStatus("搜尋中…");
    return score(terms).then(function (found) {
      return render(query, terms, found, 20).then(function (shown) {
        var ms = Math.round(performance.now() - started);
        document.body.setAttribute("data-search-ms", String(ms));
        document.body.setAttribute("data-done-at", String(Math.round(performance.now())));
        if (!shown) setStatus("沒有找到「" + query.trim() + "」。試試較短或不同的詞。");
        else setStatus("找到 " + found.total + " 個段落" +
          (found.mode === "some" ? "（並非所有詞都找到，列出最接近的）" : "") +
          (found.total > shown ? "，顯示前 " + shown + " 個" : "") + "。");
        document.body.setAttribute("data-search-done", query);
        return shown;
      });
    });
  }

  window.KBSearch = {
    load: function (name, data) {
      if (name === "meta") { state.meta = data; return; }
      state.loaded[name] = data;
      var waiting = state.waiting[name];
      if (waiting) { delete state.waiting[name]; waiting.resolve(data); }
    },
    foldTable: function (keys, values) {
      var k = Array.from(keys), v = Array.from(values);
      for (var i = 0; i < k.length; i++) state.fold[k[i]] = v[i];
    },
    fold: foldText,
    search: search
  };

  function start() {
    var form = document.getElementById("search-form");
    var input = document.getElementById("q");
    var params = new URLSearchParams(window.location.search);
    var q = params.get("q") || "";
    var timer = null;
    input.value = q;
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var url = new URL(window.location.href);
      url.searchParams.set("q", input.value);
      history.replaceState(null, "", url.toString());
      search(input.value);
    });
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { search(input.value); }, 150);
    });
    if (q) search(q);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
