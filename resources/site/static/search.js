/* kbdesk site search: folds the query like the app (tw2s table shipped in search/fold.js),
   reads it with the app's tables (search/apptables.js: thesauruses, stop words and spoken filler,
   spoken morphemes, crisis intents, the library's words and pinyin readings for homophones),
   looks up character bigrams, words and Latin terms in the index shards it needs (loaded as
   script tags, since file:// pages cannot fetch), ranks sections as the app does (every word
   first, then by the share of the query's information held, then BM25 weights times the
   match quality), puts the crisis procedure first for a crisis call, and shows snippets with
   the matched words highlighted. No network, no external code. */
(function () {
  "use strict";
  var CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/g;
  var LATIN = /[0-9a-z]+/g;
  var state = { meta: null, fold: {}, loaded: {}, waiting: {}, tf: {} };

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

  /* ---- the app's tables (search/apptables.js, see kbdesk/core/exporters/site_tables.py) ---- */

  var T = null;
  var QUALITY = { word: 1, synonym: 0.85, thesaurus: 0.75, pinyin: 0.9, part: 0.6,
                  homophone: 0.5, morpheme: 0.45 };
  /* How much the BM25 weight of what a word was found as counts in a section's relevance, as
     the app's query boosts each kind (kbdesk/core/search/matching.py BOOST): a thesaurus word
     rarer than the word typed does not lift a section above those holding the word itself.
     Parts and morphemes keep their weight: the app sums the weights of every piece they find
     (its Or of many words), the site counts the best piece of each. */
  var BOOST = { word: 1, thesaurus: 0.4, pinyin: 0.6, homophone: 0.3 };
  var MAX_PINYIN = 8;
  var MAX_PARTS = 24, MAX_HOMOPHONES = 3, MIN_VOCABULARY = 2, CRISIS_HITS = 2;

  function tables() {
    if (T) return Promise.resolve(T);
    return load("apptables").then(function (data) {
      T = prepare(data || {});
      return T;
    });
  }

  function prepare(data) {
    var t = { words: {}, dict: {}, maxLen: 1, byChar: {}, reading: {}, chars: {},
              groups: {}, stop: {}, filler: data.filler || "", cut: data.cut || "", speakers: {}, reporting: {},
              spoken: data.spoken || {}, crisis: [], split: data.split || {},
              filters: data.filters || {}, documents: data.documents || {} };
    function addDict(w) {
      t.dict[w] = 1;
      if (w.length > t.maxLen) t.maxLen = Math.min(w.length, 8);
    }
    (data.words || []).forEach(function (w) {
      t.words[w] = 1;
      addDict(w);
      Array.from(new Set(w.split(""))).forEach(function (ch) {
        var list = t.byChar[ch] || (t.byChar[ch] = []);
        if (list.length < 200) list.push(w);
      });
    });
    (data.stop || []).forEach(function (w) { t.stop[w] = 1; if (w.length > 1) addDict(w); });
    (data.speakers || []).forEach(function (w) { t.speakers[w] = 1; });
    (data.reporting || []).forEach(function (w) { t.reporting[w] = 1; });
    Object.keys(t.spoken).forEach(function (k) { if (k.length > 1) addDict(k); });
    [["library", "synonym"], ["service", "thesaurus"]].forEach(function (pair) {
      (data[pair[0]] || []).forEach(function (group) {
        group.forEach(function (w) {
          if (/^[\u3400-\u9fff\uf900-\ufaff]+$/.test(w)) addDict(w);
          var list = t.groups[w] || (t.groups[w] = []);
          list.push({ kind: pair[1], words: group });
        });
      });
    });
    Object.keys(data.readings || {}).forEach(function (syllable) {
      t.chars[syllable] = data.readings[syllable];
      Array.from(data.readings[syllable]).forEach(function (ch) {
        (t.reading[ch] || (t.reading[ch] = [])).push(syllable);
      });
    });
    var pinyin = data.pinyin || {};
    t.pinyinFull = pinyin.full || [];
    t.pinyinInitials = pinyin.initials || {};
    (data.crisis || []).forEach(function (intent) {
      try {
        t.crisis.push({
          vocabulary: intent.vocabulary || [],
          phrasings: (intent.phrasings || []).map(function (p) { return new RegExp(p); }),
          not: (intent.not || []).map(function (p) { return new RegExp(p, "g"); })
        });
      } catch (e) { /* a pattern this browser cannot read: that intent is left out */ }
    });
    return t;
  }

  /* Latin letters as the pinyin of a title or heading (as the app reads them): a full
     pinyin prefix of three letters or more, or the initials of a word or a run of words.
     Returns [chinese, "full" or "initials"] pairs. */
  function pinyinTexts(letters) {
    var found = [];
    if (letters.length >= 3) {
      var lo = 0, hi = T.pinyinFull.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (T.pinyinFull[mid][0] < letters) lo = mid + 1; else hi = mid;
      }
      var matches = [];
      for (var i = lo; i < T.pinyinFull.length && T.pinyinFull[i][0].indexOf(letters) === 0; i++)
        if (matches.indexOf(T.pinyinFull[i][1]) < 0) matches.push(T.pinyinFull[i][1]);
      matches.sort(function (a, b) { return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0); });
      found = matches.slice(0, MAX_PINYIN);
    }
    var how = found.map(function () { return "full"; });
    (T.pinyinInitials[letters] || []).slice(0, MAX_PINYIN).forEach(function (c) {
      if (found.indexOf(c) < 0) { found.push(c); how.push("initials"); }
    });
    return found.map(function (c, k) { return [c, how[k]]; });
  }

  function isCjk(text) { return /^[\u3400-\u9fff\uf900-\ufaff]+$/.test(text); }

  /* The query's words, as the app's segmenter would give them: the longest word of the
     library, the thesauruses, the stop list or the spoken table at each place; characters no
     such word covers are kept together as one word the library lacks. */
  function segment(run) {
    var out = [], unknown = "", i = 0;
    function pairs(part) {
      // a run no word covers: two characters at a time (most words are two characters long)
      for (var k = 0; k < part.length; k += 2) {
        var piece = part.length - k === 3 ? part.substr(k, 3) : part.substr(k, 2);
        out.push({ text: piece, stop: false, unknown: true });
        if (piece.length === 3) break;
      }
    }
    function flush() {
      // a function character the app's segmenter cuts alone (骂到哭 → 骂 | 到 | 哭) is cut out
      // of the run first; the characters on each side are read as above
      var part = "";
      Array.from(unknown).forEach(function (ch) {
        if (T.cut.indexOf(ch) < 0 || unknown.length < 2) { part += ch; return; }
        pairs(part);
        part = "";
        out.push({ text: ch, stop: false, unknown: true });
      });
      pairs(part);
      unknown = "";
    }
    while (i < run.length) {
      var taken = 0;
      for (var n = Math.min(T.maxLen, run.length - i); n >= 2; n--) {
        if (T.dict[run.substr(i, n)]) { taken = n; break; }
      }
      if (taken) {
        var w = run.substr(i, taken);
        // 要多久 → 要 多久, as the app cuts it; a character cut off next to characters no word
        // covers is read with them (货 坏了 → 货坏 了, as the app's segmenter reads them)
        (T.split[w] || [w]).forEach(function (piece) {
          var stop = !!T.stop[piece];
          if (piece.length === 1 && !stop && T.split[w] && unknown) { unknown += piece; return; }
          flush();
          out.push({ text: piece, stop: stop });
        });
        i += taken;
      } else if (T.stop[run.charAt(i)] || T.filler.indexOf(run.charAt(i)) >= 0) {
        flush();
        out.push({ text: run.charAt(i), stop: true });
        i += 1;
      } else if (!unknown && T.reporting[run.charAt(i)] && out.length &&
                 T.speakers[out[out.length - 1].text]) {
        // 说 right after a caller or person word (客户 说, 他 说) is filler, as in the app
        out.push({ text: run.charAt(i), stop: true });
        i += 1;
      } else {
        unknown += run.charAt(i);
        i += 1;
      }
    }
    flush();
    return out;
  }

  function queryWords(folded) {
    var words = [];
    var pieces = folded.match(/[\u3400-\u9fff\uf900-\ufaff]+|[0-9a-z]+/g) || [];
    pieces.forEach(function (piece) {
      if (isCjk(piece)) segment(piece).forEach(function (w) { words.push(w); });
      else words.push({ text: piece, stop: !!T.stop[piece], latin: true });
    });
    // 说 right after a caller or person word is filler, as the app reads it (客户 说, 他 说)
    words.forEach(function (w, k) {
      if (k && T.reporting[w.text] && T.speakers[words[k - 1].text]) w.stop = true;
    });
    var kept = words.filter(function (w) { return !w.stop; });
    return once(joinKnown(once(kept.length ? kept : words)));
  }

  function once(words) {
    var seen = {};
    return words.filter(function (w) {
      if (seen[w.text]) return false;
      seen[w.text] = 1;
      return true;
    });
  }

  var MAX_JOIN = 4;  // kbdesk/core/search/thesaurus.py MAX_JOIN

  /* Runs of consecutive words (question and filler words left out) that form one thesaurus
     entry are joined, as the app joins them (电话 打 不通 → 电话 打不通). */
  function joinKnown(words) {
    var out = [], i = 0;
    while (i < words.length) {
      var size = Math.min(MAX_JOIN, words.length - i), joined = null;
      for (; size >= 2; size--) {
        var text = words.slice(i, i + size).map(function (w) { return w.text; }).join("");
        if (Object.prototype.hasOwnProperty.call(T.groups, text)) { joined = text; break; }
      }
      if (joined) {
        out.push({ text: joined, stop: false, latin: /^[0-9a-z]+$/.test(joined) });
        i += size;
      } else {
        out.push(words[i]);
        i += 1;
      }
    }
    return out;
  }

  function termsOf(word) { return isCjk(word) ? runTerms(word) : [word]; }

  /* One way a word may be found: each piece must be held as one of its options (an option is
     held when the entry holds every one of its terms). */
  function alt(kind, options, via, quality) {
    return { kind: kind, pieces: [options.map(termsOf)], via: via || "",
             quality: quality || QUALITY[kind] };
  }

  function planWord(w, alone) {
    var word = w.text, alts = [alt("word", [word], "")], seen = {};
    seen[word] = 1;
    (T.groups[word] || []).forEach(function (g) {
      g.words.forEach(function (other) {
        if (seen[other]) return;
        seen[other] = 1;
        alts.push(alt(g.kind, [other], other));
      });
    });
    if (w.latin && /^[a-z]{2,}$/.test(word)) {
      pinyinTexts(word).forEach(function (pair) {
        var chinese = pair[0];
        if (seen[chinese]) return;
        seen[chinese] = 1;
        var a = alt("pinyin", [chinese], chinese);
        a.how = pair[1];
        alts.push(a);
      });
    }
    // a single character alone: as the library's words hold it. Among other words it is
    // found as itself only (the app never looks for a single character as the words holding
    // it): in a title or heading, or in the text of a section the other words bring (singles)
    if (!w.latin && word.length === 1 && alone) {
      var holders = (T.byChar[word] || []).slice(0, MAX_PARTS);
      if (holders.length) alts.push(alt("part", holders, holders[0]));
    }
    return { word: word, latin: !!w.latin, alts: alts, lacking: false, unknown: !!w.unknown };
  }

  /* For a word the library lacks: library words one near-pinyin character away (投述 → 投诉),
     and its meaning-bearing pieces (spoken table, else characters) as the library's words. */
  function widen(plan) {
    var word = plan.word, found = [];
    if (isCjk(word) && word.length >= 2 && word.length <= 4) {
      for (var at = 0; at < word.length && found.length < MAX_HOMOPHONES; at++) {
        var ch = word.charAt(at), near = {};
        (T.reading[ch] || []).forEach(function (syl) {
          Array.from(T.chars[syl] || "").forEach(function (c) { if (c !== ch) near[c] = 1; });
        });
        Object.keys(near).sort().forEach(function (c) {
          var candidate = word.substr(0, at) + c + word.substr(at + 1);
          if (T.words[candidate] && found.indexOf(candidate) < 0 &&
              found.length < MAX_HOMOPHONES) found.push(candidate);
        });
      }
      found.forEach(function (h) { plan.alts.push(alt("homophone", [h], h)); });
    }
    if (!isCjk(word)) return;
    // its parts: the library's words inside it (群发短信 → 短信), each counting for the share
    // of the word it covers
    if (word.length >= 3) {
      var parts = [];
      for (var n2 = word.length - 1; n2 >= 2; n2--)
        for (var j = 0; j + n2 <= word.length; j++) {
          var part = word.substr(j, n2);
          if (T.words[part] && parts.indexOf(part) < 0) parts.push(part);
        }
      parts.slice(0, MAX_PARTS).forEach(function (part) {
        plan.alts.push(alt("part", [part], part, QUALITY.part * part.length / word.length));
      });
    }
    var pieces = [], i = 0;
    while (i < word.length) {
      var size = 0;
      for (var n = 3; n >= 2; n--) if (T.spoken[word.substr(i, n)] && i + n <= word.length) {
        size = n; break;
      }
      if (size) { pieces.push(word.substr(i, size)); i += size; continue; }
      var c1 = word.charAt(i);
      if (!T.stop[c1] && T.filler.indexOf(c1) < 0) pieces.push(c1);
      i += 1;
    }
    pieces = pieces.filter(function (p, k) { return pieces.indexOf(p) === k; });
    var groups = [];
    pieces.forEach(function (piece) {
      var options = (T.spoken[piece] || []).filter(function (x) { return T.words[x]; });
      var holders = piece.length === 1 ? (T.byChar[piece] || []) :
        (T.byChar[piece.charAt(0)] || []).filter(function (x) { return x.indexOf(piece) >= 0; });
      holders.forEach(function (x) {
        if (options.length < MAX_PARTS && options.indexOf(x) < 0) options.push(x);
      });
      if (options.length) groups.push({ piece: piece, options: options });
    });
    if (groups.length >= 2 || (groups.length === 1 && T.spoken[groups[0].piece])) {
      plan.alts.push({ kind: "morpheme", via: groups.map(function (g) { return g.options[0]; })
        .join("+"), quality: QUALITY.morpheme * groups.length / Math.max(pieces.length, 1),
        pieces: groups.map(function (g) { return g.options.map(termsOf); }),
        options: groups.map(function (g) { return g.options.concat([g.piece]); }) });
    }
  }

  function altTerms(a) {
    var out = [];
    a.pieces.forEach(function (options) {
      options.forEach(function (terms) { terms.forEach(function (t) { out.push(t); }); });
    });
    return out;
  }

  /* The filters the app reads (kbdesk/core/search/query.py parse_query): ``kind:`` with the
     kinds' aliases, ``category:``, ``tag:`` and their other names (类型:, 分类:, 标签: …).
     A filter narrows the search to the documents holding the value (kinds and categories:
     any of those asked; tags: every one); what is not a filter stays a word. */
  function readFilters(folded) {
    var names = (T.filters && T.filters.names) || {}, kinds = (T.filters && T.filters.kinds) || {};
    var out = { kinds: [], categories: [], tags: [], rest: [] };
    folded.split(/\s+/).forEach(function (item) {
      if (!item) return;
      var m = /^([^\s:：]+)[:：](.+)$/.exec(item);
      var name = m && item.charAt(0) !== "-" && Object.prototype.hasOwnProperty.call(names, m[1])
        ? names[m[1]] : null;
      var value = m ? m[2].trim() : "";
      if (name === "kind" && Object.prototype.hasOwnProperty.call(kinds, value)) {
        out.kinds.push(kinds[value]);
      } else if (name === "tag") {
        out.tags.push(value);
      } else if (name === "category") {
        out.categories.push(value);
      } else {
        out.rest.push(item);
      }
    });
    out.any = out.kinds.length + out.categories.length + out.tags.length > 0;
    return out;
  }

  /* the documents the filters allow (null: no filter) */
  function allowedDocs(filters) {
    if (!filters.any) return null;
    var docs = T.documents || {}, sets = [];
    function union(table, values) {
      var set = {};
      values.forEach(function (v) { ((table || {})[v] || []).forEach(function (d) { set[d] = 1; }); });
      return set;
    }
    if (filters.kinds.length) sets.push(union(docs.kind, filters.kinds));
    if (filters.categories.length) sets.push(union(docs.category, filters.categories));
    filters.tags.forEach(function (tag) { sets.push(union(docs.tag, [tag])); });
    var allowed = {};
    Object.keys(sets[0]).forEach(function (d) {
      if (sets.every(function (set) { return set[d]; })) allowed[d] = 1;
    });
    return allowed;
  }

  function queryTerms(query) {
    var filters = readFilters(query);
    var folded = filters.rest.join(" ");
    var words = queryWords(folded);
    var plans = words.map(function (w) { return planWord(w, words.length === 1); });
    var runs = words.map(function (w) { return w.text; });
    return { plans: plans, units: plans, runs: runs, folded: folded, filters: filters,
             allowed: allowedDocs(filters) };
  }

  function shardOf(term) { return "p" + (hash(term) % state.meta.shards); }

  function postings(term) {
    return load(shardOf(term)).then(function (shard) {
      return (shard && Object.prototype.hasOwnProperty.call(shard, term)) ? shard[term] : null;
    });
  }

  /* term → {entry: BM25 weight}, for every term not yet read */
  function readTerms(terms, into) {
    var wanted = terms.filter(function (t, k) {
      return terms.indexOf(t) === k && !Object.prototype.hasOwnProperty.call(into, t);
    });
    return Promise.all(wanted.map(postings)).then(function (lists) {
      var total = state.meta.entries, k1 = state.meta.k1;
      lists.forEach(function (flat, n) {
        var where = {}, counts = state.tf[wanted[n]] = {};
        if (flat) {
          var entry = 0, df = flat.length / 2;
          var idf = Math.log(1 + (total - df + 0.5) / (df + 0.5)) * (k1 + 1);
          for (var i = 0; i < flat.length; i += 2) {
            entry += flat[i];
            var tf = flat[i + 1];
            where[entry] = idf * tf / (tf + k1);
            counts[entry] = tf;
          }
        }
        into[wanted[n]] = where;
      });
      return into;
    });
  }

  /* entry → weight of the alternative, for the entries holding it */
  function holders(a, read) {
    var result = null;
    a.pieces.forEach(function (options) {
      var piece = {};
      options.forEach(function (terms) {
        var lists = terms.map(function (t) { return read[t] || {}; });
        Object.keys(lists[0]).forEach(function (e) {
          var sum = 0;
          for (var k = 0; k < lists.length; k++) {
            if (!Object.prototype.hasOwnProperty.call(lists[k], e)) return;
            sum += lists[k][e];
          }
          if (!(e in piece) || sum > piece[e]) piece[e] = sum;
        });
      });
      if (result === null) result = piece;
      else {
        var both = {};
        Object.keys(result).forEach(function (e) {
          if (e in piece) both[e] = result[e] + piece[e];
        });
        result = both;
      }
    });
    return result || {};
  }

  /* per plan: entry → [quality, bm25] of its best alternative (each alternative keeps the
     entries holding it, for bestOf) */
  function matchPlans(plans, read) {
    return plans.map(function (plan) {
      var best = {};
      plan.alts.forEach(function (a) {
        var where = a.where = holders(a, read);
        Object.keys(where).forEach(function (e) {
          var cur = best[e];
          if (!cur || a.quality > cur[0] || (a.quality === cur[0] && where[e] > cur[1]))
            best[e] = [a.quality, where[e], a.via, a];
        });
      });
      return best;
    });
  }

  /* The best alternative of ``plan`` holding entry ``e`` among those ``skip`` does not
     leave out (null when none): what the entry matched as when its first choice did not hold
     (as the app's match_word tries every alternative). */
  function bestOf(plan, e, skip) {
    var best = null;
    plan.alts.forEach(function (a) {
      if (skip(a) || !a.where || !(e in a.where)) return;
      var w = a.where[e];
      if (!best || a.quality > best[0] || (a.quality === best[0] && w > best[1]))
        best = [a.quality, w, a.via, a];
    });
    return best;
  }

  function compact(text) { return text.replace(/[^\p{L}\p{N}]+/gu, ""); }

  /* The crisis intents the query speaks (as the app reads them: folded, compact). */
  function crisisIntents(folded) {
    var said = compact(folded), out = [];
    T.crisis.forEach(function (intent) {
      var masked = said;
      intent.not.forEach(function (re) {
        masked = masked.replace(re, function (m) { return "\u0000".repeat(m.length); });
      });
      for (var i = 0; i < intent.phrasings.length; i++) {
        if (intent.phrasings[i].test(masked)) { out.push(intent); break; }
      }
    });
    return out;
  }

  function crisisEntries(intents, read) {
    var found = {};
    intents.forEach(function (intent) {
      var held = intent.vocabulary.map(function (w) { return holders(alt("word", [w]), read); })
        .filter(function (where) { return Object.keys(where).length; });
      if (held.length < MIN_VOCABULARY) return;
      var count = {}, weight = {};
      held.forEach(function (where) {
        Object.keys(where).forEach(function (e) {
          count[e] = (count[e] || 0) + 1;
          weight[e] = (weight[e] || 0) + where[e];
        });
      });
      Object.keys(count).forEach(function (e) {
        if (count[e] < MIN_VOCABULARY) return;
        var key = [count[e], weight[e]];
        if (!found[e] || key[0] > found[e][0] || (key[0] === found[e][0] && key[1] > found[e][1]))
          found[e] = key;
      });
    });
    return Object.keys(found).sort(function (a, b) {
      return found[b][0] - found[a][0] || found[b][1] - found[a][1] || a - b;
    }).slice(0, CRISIS_HITS);
  }

  /* A run of two characters no word covers was read as one word (人偷 of 被人偷了), as the
     app joins a single character with its weak neighbour. When the index finds it in no form
     it is undone, as the app undoes such a join, and its characters (stop words and filler
     left out) are looked for one by one (the index holds a character alone where the
     segmenter cuts it so: 偷 of 被偷), so that the character that decides the search keeps
     deciding. Kept as it is: a pair with a character the index never holds alone (昨天, 夜市:
     pieces of words), and a pair read by its spoken morphemes (线断: 断 → 中断; the app's segmenter
     reads such colloquial words whole). Returns (a promise of) true when a word was undone. */
  function undoJoins(terms, matched, read) {
    var seen = {}, undo = {}, chars = [];
    terms.plans.forEach(function (p) { seen[p.word] = 1; });
    terms.plans.forEach(function (plan, n) {
      // two characters, as the app joins a single character with one neighbour; a piece of
      // three may be one word of the app's segmenter (undoing those lowered bank-colloquial)
      if (!plan.unknown || plan.word.length !== 2 || Object.keys(matched[n]).length) return;
      undo[n] = [];
      Array.from(plan.word).forEach(function (ch) {
        if (seen[ch] || T.stop[ch] || T.filler.indexOf(ch) >= 0) return;
        seen[ch] = 1;
        undo[n].push(ch);
        chars.push(ch);
      });
    });
    if (!Object.keys(undo).length) return Promise.resolve(false);
    return readTerms(chars, read).then(undoing);
    function undoing() {
      var kept = [], undone = false;
      function holds(t) { return Object.keys(read[t] || {}).length > 0; }
      terms.plans.forEach(function (plan, n) {
        if (!undo[n]) { kept.push(plan); return; }
        var pieces = undo[n];
        var spoken = plan.alts.some(function (a) { return a.kind === "morpheme"; });
        if (!pieces.length || !pieces.every(holds) || spoken) {
          kept.push(plan);
          return;
        }
        undone = true;
        pieces.forEach(function (p) { kept.push(p); });
      });
      if (!undone) return false;
      terms.plans = terms.units = kept.map(function (p) {
        return typeof p === "string" ? planWord({ text: p }, kept.length === 1) : p;
      });
      terms.runs = terms.plans.map(function (p) { return p.word; });
      return true;
    }
  }

  function score(terms) {
    return scoreOnce(terms).then(function (r) {
      return undoJoins(terms, r.matched, r.read).then(function (undone) {
        if (!undone) return r.ranked;
        return scoreOnce(terms).then(function (again) { return again.ranked; });
      });
    });
  }

  function scoreOnce(terms) {
    var read = {}, plans = terms.plans;
    return tables().then(function () {
      var first = [];
      plans.forEach(function (p) { first = first.concat(p.alts.map(altTerms).reduce(
        function (x, y) { return x.concat(y); }, [])); });
      return readTerms(first, read);
    }).then(function () {
      var matched = matchPlans(plans, read), more = [];
      plans.forEach(function (plan, n) {
        if (Object.keys(matched[n]).length || plan.widened) return;
        plan.lacking = true;
        plan.widened = true;
        var before = plan.alts.length;
        widen(plan);
        plan.alts.slice(before).forEach(function (a) { more = more.concat(altTerms(a)); });
      });
      var intents = crisisIntents(terms.folded);
      intents.forEach(function (intent) {
        intent.vocabulary.forEach(function (w) { more = more.concat(termsOf(w)); });
      });
      return readTerms(more, read).then(function () { return intents; });
    }).then(function (intents) {
      return places(plans, matchPlans(plans, read)).then(function (matched) {
        return close(plans, matched);
      }).then(function (matched) {
        return singles(plans, matched);
      }).then(function (matched) {
        var ranked = rankEntries(terms, plans, matched, read, intents);
        return { matched: matched, read: read, ranked: ranked };
      });
    });
  }

  var MORPHEME_GAP = 8;

  /* A word found only by its morphemes holds them close together in the entry, as the app
     asks (at most MORPHEME_GAP characters between them); the entries' texts are read for
     that. */
  function close(plans, matched) {
    var check = {};
    matched.forEach(function (m) {
      Object.keys(m).forEach(function (e) { if (m[e][3].kind === "morpheme") check[e] = 1; });
    });
    var entries = Object.keys(check);
    if (!entries.length) return Promise.resolve(matched);
    var bits = state.meta.sectionBits, group = state.meta.textGroup, names = {};
    entries.forEach(function (e) { names["t" + Math.floor((e >> bits) / group)] = 1; });
    return Promise.all(Object.keys(names).map(load)).then(function () {
      var texts = {};
      Object.keys(names).forEach(function (name) {
        (state.loaded[name] || []).forEach(function (d) {
          d[5].forEach(function (sec) {
            var number = (d[0] << bits) | sec[0];
            if (check[number]) texts[number] = compact(foldText(
              (sec[0] === 0 ? d[2] : "") + sec[2] + sec[3]));
          });
        });
      });
      matched.forEach(function (m, n) {
        Object.keys(m).forEach(function (e) {
          var a = m[e][3];
          if (a.kind !== "morpheme" || (e in texts && near(texts[e], a.options))) return;
          // morphemes far apart: the entry holds the word as whatever else it holds (a part,
          // a homophone), as the app's match_word falls back, or not at all
          var other = bestOf(plans[n], e, function (x) { return x.kind === "morpheme"; });
          if (other) m[e] = other; else delete m[e];
        });
      });
      return matched;
    });
  }

  /* How well a word read as pinyin matched, by where the entry holds the Chinese it spells
     (the app's matching.py PINYIN_QUALITY): in its document's title (the title entry) 0.95,
     in its heading 0.9, a full pinyin spelling in its text 0.55; initials stand for titles
     and headings only. An entry counts a term fewer than meta.placeWeight times only when
     the term is in neither its title nor its heading; the others' titles and headings are
     read (the MAX_PLACE_CHECKS weightiest; beyond them the count decides). */
  var PINYIN_PLACE = { title: 0.95, heading: 0.9, body: 0.55 };
  var MAX_PLACE_CHECKS = 200;

  function places(plans, matched) {
    var least = state.meta.placeWeight || 3, bits = state.meta.sectionBits;
    var todo = [], candidates = {};
    function placed(a, e) {
      return altTerms(a).every(function (t) { return ((state.tf[t] || {})[e] || 0) >= least; });
    }
    plans.forEach(function (plan, n) {
      var pins = plan.alts.filter(function (a) { return a.kind === "pinyin"; });
      if (!pins.length) return;
      var entries = {};
      pins.forEach(function (a) {
        Object.keys(a.where || {}).forEach(function (e) {
          entries[e] = 1;
          if (placed(a, e)) candidates[e] = Math.max(candidates[e] || 0, a.where[e]);
        });
      });
      Object.keys(entries).forEach(function (e) { todo.push([n, e, pins]); });
    });
    if (!todo.length) return Promise.resolve(matched);
    var check = Object.keys(candidates).sort(function (a, b) {
      return candidates[b] - candidates[a] || a - b; }).slice(0, MAX_PLACE_CHECKS);
    return entryTexts(check).then(function (texts) {
      todo.forEach(function (job) {
        var n = job[0], e = job[1], best = null;
        job[2].forEach(function (a) {
          if (!(e in a.where)) return;
          var q = 0, t = texts[e];
          if (t) {
            if ((Number(e) & ((1 << bits) - 1)) === 0) {
              if (t.title.indexOf(a.via) >= 0) q = PINYIN_PLACE.title;
            } else if (t.heading.indexOf(a.via) >= 0) q = PINYIN_PLACE.heading;
          } else if (placed(a, e)) {
            q = (Number(e) & ((1 << bits) - 1)) === 0 ? PINYIN_PLACE.title : PINYIN_PLACE.heading;
          }
          if (!q && a.how === "full") q = PINYIN_PLACE.body;
          if (q && (!best || q > best[0] || (q === best[0] && a.where[e] > best[1])))
            best = [q, a.where[e], a.via, a];
        });
        var other = bestOf(plans[n], e, function (x) { return x.kind === "pinyin"; });
        if (other && (!best || other[0] > best[0] || (other[0] === best[0] && other[1] > best[1])))
          best = other;
        if (best) matched[n][e] = best; else delete matched[n][e];
      });
      return matched;
    });
  }

  /* entry → its document's title and its heading, folded, letters and digits only */
  function entryTexts(entries) {
    var bits = state.meta.sectionBits, group = state.meta.textGroup, names = {}, want = {};
    entries.forEach(function (e) {
      want[e] = 1;
      names["t" + Math.floor((e >> bits) / group)] = 1;
    });
    return Promise.all(Object.keys(names).map(load)).then(function () {
      var texts = {};
      Object.keys(names).forEach(function (name) {
        (state.loaded[name] || []).forEach(function (d) {
          d[5].forEach(function (sec) {
            var number = (d[0] << bits) | sec[0];
            if (want[number]) texts[number] = { title: compact(foldText(d[2])),
                                                heading: compact(foldText(sec[2])) };
          });
        });
      });
      return texts;
    });
  }

  var MAX_SINGLE_CHECKS = 200;

  /* A single character among other words is held by a section whose text holds it anywhere,
     as in the app (the site indexes body text in character pairs only; the app's index holds
     a character alone only where its segmenter cuts it so, and its search finds the others'
     sections and reads the character in their text): the sections holding any other word are
     read for it, those holding the most other words (then the weightiest) first. */
  function singles(plans, matched) {
    var wanted = [];
    plans.forEach(function (plan, n) {
      if (plan.latin || plan.word.length !== 1 || !isCjk(plan.word) || plans.length < 2) return;
      var held = {}, bm = {};
      matched.forEach(function (m, k) {
        if (k === n) return;
        Object.keys(m).forEach(function (e) {
          if (e in matched[n]) return;
          held[e] = (held[e] || 0) + 1;
          bm[e] = (bm[e] || 0) + m[e][1];
        });
      });
      var candidates = Object.keys(held).sort(function (a, b) {
        return held[b] - held[a] || bm[b] - bm[a] || a - b;
      }).slice(0, MAX_SINGLE_CHECKS);
      if (candidates.length) wanted.push({ n: n, entries: candidates });
    });
    if (!wanted.length) return Promise.resolve(matched);
    var bits = state.meta.sectionBits, group = state.meta.textGroup, names = {}, check = {};
    wanted.forEach(function (w) {
      w.entries.forEach(function (e) { check[e] = 1; names["t" + Math.floor((e >> bits) / group)] = 1; });
    });
    return Promise.all(Object.keys(names).map(load)).then(function () {
      var texts = {};
      Object.keys(names).forEach(function (name) {
        (state.loaded[name] || []).forEach(function (d) {
          d[5].forEach(function (sec) {
            var number = (d[0] << bits) | sec[0];
            if (check[number]) texts[number] = foldText(
              (sec[0] === 0 ? d[2] : "") + sec[2] + sec[3]);
          });
        });
      });
      wanted.forEach(function (w) {
        var plan = plans[w.n], a = plan.alts[0];
        w.entries.forEach(function (e) {
          if (e in texts && texts[e].indexOf(plan.word) >= 0)
            matched[w.n][e] = [QUALITY.word, 0, "", a];
        });
      });
      return matched;
    });
  }

  function near(text, pieces) {
    var spots = pieces.map(function (options) {
      var out = [];
      options.forEach(function (w) {
        var at = text.indexOf(w);
        while (at >= 0 && out.length < 32) { out.push([at, at + w.length]); at = text.indexOf(w, at + 1); }
      });
      return out;
    });
    if (spots.some(function (s) { return !s.length; })) return false;
    function walk(k, lo, hi, used) {
      if (k === spots.length) return hi - lo - used <= MORPHEME_GAP;
      return spots[k].some(function (s) {
        return walk(k + 1, Math.min(lo, s[0]), Math.max(hi, s[1]), used + s[1] - s[0]);
      });
    }
    return walk(0, Infinity, -Infinity, 0);
  }

  function rankEntries(terms, plans, matched, read, intents) {
    {
      var total = state.meta.entries;
      var weights = matched.map(function (m) {
        var held = Object.keys(m).filter(function (e) {
          return m[e][3].kind !== "morpheme" && m[e][3].kind !== "part"; }).length;
        return Math.log(1 + total / Math.max(1, Math.min(held, total)));
      });
      var weightSum = weights.reduce(function (a, b) { return a + b; }, 0) || 1;
      var info = {};
      matched.forEach(function (m, n) {
        Object.keys(m).forEach(function (e) {
          var it = info[e] || (info[e] = { held: 0, cover: 0, quality: 0, bm25: 0 });
          it.held += 1;
          it.cover += weights[n];
          it.quality += m[e][0] * weights[n];
          it.bm25 += m[e][1] * (BOOST[m[e][3].kind] || 1);
        });
      });
      if (terms.allowed) {
        var bits = state.meta.sectionBits;
        Object.keys(info).forEach(function (e) {
          if (!terms.allowed[Number(e) >> bits]) delete info[e];
        });
      }
      var all = Object.keys(info).filter(function (e) { return info[e].held === plans.length; });
      var mode = "all", chosen;
      var single = plans.length === 1;
      function relevance(e) { return info[e].bm25 * Math.max(info[e].quality / weightSum, 0.05); }
      function byRank(a, b) {
        var x = info[a], y = info[b];
        return (y.cover - x.cover) ||
          (single ? (Math.round(y.quality / weightSum * 100) -
                     Math.round(x.quality / weightSum * 100)) : 0) ||
          (relevance(b) - relevance(a)) || (a - b);
      }
      if (all.length) {
        chosen = all.sort(byRank);
        if (all.length < 3 && plans.length > 1) {
          var rest = Object.keys(info).filter(function (e) { return info[e].held < plans.length; });
          chosen = chosen.concat(rest.sort(byRank));
        }
      } else {
        chosen = Object.keys(info).sort(byRank);
        mode = "some";
      }
      var crisis = intents.length ? crisisEntries(intents, read).filter(function (e) {
        return !terms.allowed || terms.allowed[Number(e) >> state.meta.sectionBits]; }) : [];
      if (crisis.length) {
        chosen = crisis.concat(chosen.filter(function (e) { return crisis.indexOf(e) < 0; }));
      }
      var scores = {};
      chosen.forEach(function (e, k) { scores[e] = chosen.length - k; });
      terms.runs = terms.runs.concat(plans.reduce(function (acc, plan) {
        return acc.concat(plan.alts.filter(function (a) { return a.via; }).map(function (a) {
          return a.via.split("+")[0]; }));
      }, []));
      return { ids: chosen.map(Number), scores: scores, mode: mode, total: chosen.length };
    }
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
    setStatus("搜尋中…");
    return tables().then(function () {
      var terms = queryTerms(folded);
      if (!terms.units.length && terms.allowed) return browse(query, terms, started);
      if (!terms.units.length) {
        document.getElementById("results").textContent = "";
        setStatus(query.trim() ? "請輸入中文字詞、英文或數字。" : "");
        return 0;
      }
      return searchTerms(query, terms, started);
    });
  }

  /* Filters alone (``kind:phrasing``): the documents they allow, as the app lists them
     without words to find (each document once, by its first entry). */
  function browse(query, terms, started) {
    var bits = state.meta.sectionBits;
    var ids = Object.keys(terms.allowed).map(Number).sort(function (a, b) { return a - b; })
      .map(function (d) { return d << bits; });
    var scores = {};
    ids.forEach(function (e, k) { scores[e] = ids.length - k; });
    return finish(query, terms, started,
                  Promise.resolve({ ids: ids, scores: scores, mode: "all", total: ids.length }));
  }

  function searchTerms(query, terms, started) {
    return finish(query, terms, started, score(terms));
  }

  function finish(query, terms, started, scored) {
    return scored.then(function (found) {
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
    search: search,
    /* how a query is read: its words and what each may be found as (for tests) */
    explain: function (query) {
      return tables().then(function () {
        var terms = queryTerms(foldText(query.trim()));
        return score(terms).then(function () {
          return { crisis: crisisIntents(terms.folded).length > 0,
                   words: terms.plans.map(function (p) {
                     return { word: p.word, lacking: p.lacking, found: p.alts.map(function (a) {
                       return a.kind + (a.via ? ":" + a.via : ""); }) };
                   }) };
        });
      });
    }
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
