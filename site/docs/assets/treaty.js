/* Treaty Reports: the search box (Pagefind) and the version selector (mike's versions.json).
 *
 * Both read <script id="tr-config">, written by site/overrides/main.html:
 *   base     this page's way to its language's root (MkDocs' base_url)
 *   root_up  from the language's root to the edition's root ("" for kk, "../" for ru, en)
 * Search: Pagefind's index of each language sits at <language root>/pagefind/; it answers in
 * the page's language and loads only the chunks a query needs.
 * Versions: <edition root>/../versions.json, as mike writes it; names in the page's language
 * come from the build (tr-config.versions), the aliases from versions.json as it is now.
 */
(function () {
  "use strict";
  var node = document.getElementById("tr-config");
  if (!node) return;
  var cfg = JSON.parse(node.textContent);
  var base = cfg.base.replace(/\/?$/, "/");
  var langRoot = new URL(base, location.href);
  var root = new URL(cfg.root_up || "./", langRoot);

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    (children || []).forEach(function (c) {
      e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return e;
  }

  /* ---------------------------------------------------------------- search */
  function setupSearch() {
    var box = document.querySelector("[data-tr-search]");
    if (!box || !cfg.search) return;
    var input = box.querySelector("input.md-search__input");
    var list = box.querySelector(".md-search-result__list");
    var meta = box.querySelector(".md-search-result__meta");
    var toggle = document.getElementById("__search");
    var words = cfg.search_texts || {};
    var engine = null; /* the bundle of this language: <language root>/pagefind/ */
    var asked = 0;

    function load() {
      if (!engine) {
        engine = import(new URL("pagefind/pagefind.js", langRoot).href).then(function (pf) {
          return Promise.resolve(pf.options({ baseUrl: langRoot.pathname })).then(function () {
            return pf;
          });
        });
      }
      return engine;
    }

    function count(n) {
      if (n === 0) return words.none || "";
      if (n === 1) return words.one || "1";
      return (words.other || "#").replace("#", String(n));
    }

    function item(data) {
      var excerpt = el("p", {});
      excerpt.innerHTML = data.excerpt; /* Pagefind escapes the page text; only <mark> is added */
      var title = (data.meta && data.meta.title) || data.url;
      var article = el("article", { class: "md-search-result__article md-typeset" }, [
        el("h1", {}, [title]), excerpt,
      ]);
      var link = el("a", { href: data.url, class: "md-search-result__link", tabindex: "-1" },
        [article]);
      return el("li", { class: "md-search-result__item" }, [link]);
    }

    function run() {
      var query = input.value.trim();
      var mine = ++asked;
      if (!query) {
        list.replaceChildren();
        return;
      }
      load().then(function (pf) {
        return pf.debouncedSearch ? pf.debouncedSearch(query, {}, 150) : pf.search(query);
      }).then(function (found) {
        if (mine !== asked || !found) return null;
        var top = found.results.slice(0, 20);
        return Promise.all(top.map(function (r) { return r.data(); })).then(function (data) {
          if (mine !== asked) return;
          meta.textContent = count(found.results.length);
          list.replaceChildren.apply(list, data.map(item));
        });
      }).catch(function () {
        meta.textContent = words.error || "";
      });
    }

    input.addEventListener("focus", function () { toggle.checked = true; load(); });
    input.addEventListener("input", run);
    box.querySelector("form").addEventListener("submit", function (e) { e.preventDefault(); });
    box.querySelector("button[type=reset]").addEventListener("click", function () {
      input.value = "";
      run();
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && toggle.checked) { toggle.checked = false; input.blur(); }
    });
  }

  /* -------------------------------------------------------------- versions */
  function setupVersions() {
    var texts = cfg.versions;
    if (!texts || !texts.names) return;
    var current = root.pathname.replace(/\/$/, "").split("/").pop();
    var here = location.pathname.slice(root.pathname.length) + location.hash;
    fetch(new URL("../versions.json", root)).then(function (r) {
      return r.ok ? r.json() : null;
    }).then(function (versions) {
      if (!versions || !versions.length) return;
      var mine = versions.filter(function (v) {
        return v.version === current || (v.aliases || []).indexOf(current) >= 0;
      })[0] || versions[0];
      render(versions, mine);
      outdated(mine);
    }).catch(function () { /* not deployed with mike: no selector */ });

    function label(v) {
      var name = texts.names[v.version] || v.title || v.version;
      var said = (v.aliases || []).filter(function (a) { return texts.aliases[a]; });
      return said.length ? name + " (" + said.map(function (a) {
        return texts.aliases[a];
      }).join(", ") + ")" : name;
    }

    function target(v) {
      return new URL("../" + v.version + "/" + here, root);
    }

    function go(v, e) {
      e.preventDefault();
      var page = target(v);
      var lang = new URL("../" + v.version + "/" + langRoot.pathname.slice(root.pathname.length),
        root);
      var home = new URL("../" + v.version + "/", root);
      var tries = [page, lang, home];
      (function next(i) {
        if (i >= tries.length - 1) { location.href = tries[tries.length - 1].href; return; }
        fetch(tries[i], { method: "HEAD" }).then(function (r) {
          if (r.ok) location.href = tries[i].href; else next(i + 1);
        }).catch(function () { next(i + 1); });
      })(0);
    }

    function render(versions, mine) {
      var topic = document.querySelector(".md-header__topic");
      if (!topic || document.querySelector(".md-version")) return;
      var items = versions.map(function (v) {
        var a = el("a", { href: target(v).href, class: "md-version__link" }, [label(v)]);
        a.addEventListener("click", function (e) { go(v, e); });
        return el("li", { class: "md-version__item" }, [a]);
      });
      topic.appendChild(el("div", { class: "md-version" }, [
        el("button", { class: "md-version__current", "aria-label": texts.select }, [label(mine)]),
        el("ul", { class: "md-version__list" }, items),
      ]));
    }

    function outdated(mine) {
      if ((mine.aliases || []).indexOf("in-force") >= 0) return;
      var banner = document.querySelector("[data-md-component=outdated]");
      if (banner) banner.hidden = false;
    }
  }

  /* ------------------------------------------- the example on a form's page
   * The example is the reader's own: their body (chosen from the register's bodies that
   * file the form) and a period worked out from today's date (data-rule "last": the year
   * just ended, for reports due after it; "current": this year). Dates of the example's
   * year move with the period; the commands and the file's place follow too. */
  function setupExamples() {
    var box = document.querySelector("[data-tr-example]");
    if (!box) return;
    var code = box.querySelector("[data-tr-example-text]");
    var bodySel = box.querySelector("[data-tr-example-body]");
    var periodIn = box.querySelector("[data-tr-example-period]");
    var pathEl = box.querySelector("[data-tr-example-path]");
    var schemaLine = code.getAttribute("data-schema-line");
    var original = code.textContent.slice(schemaLine.length + 1);
    var kind = box.getAttribute("data-kind");
    var basePeriod = parseInt(box.getAttribute("data-period"), 10);
    var folder = box.getAttribute("data-folder");
    var dateField = box.getAttribute("data-date-field");
    var year = new Date().getFullYear();
    periodIn.value = String(box.getAttribute("data-rule") === "last" ? year - 1 : year);

    function update() {
      var body = bodySel.value;
      var period = /^[0-9]{4}$/.test(periodIn.value.trim()) ? parseInt(periodIn.value, 10) : basePeriod;
      var shift = period - basePeriod;
      var text = original
        .replace(/^body: .*$/m, "body: " + body)
        .replace(/^period: .*$/m, "period: " + period)
        .replace(/'([0-9]{4})-([0-9]{2}-[0-9]{2})'/g, function (all, y, rest) {
          return "'" + (parseInt(y, 10) + shift) + "-" + rest + "'";
        });
      code.textContent = schemaLine + "\n" + text;
      var place = "submissions/" + period + "/" + body + "/";
      if (folder) {
        var m = dateField ? new RegExp("^" + dateField + ": '([0-9-]+)'$", "m").exec(text) : null;
        place += folder + "/" + (m ? m[1] : "YYYY-MM-DD") + "-short-name.yaml";
      } else {
        place += kind + ".yaml";
      }
      pathEl.textContent = place;
      document.querySelectorAll("[data-tr-command]").forEach(function (c) {
        c.textContent = c.textContent
          .replace(/--body \S+/g, "--body " + body)
          .replace(/--period \S+/g, "--period " + period);
      });
    }
    bodySel.addEventListener("change", update);
    periodIn.addEventListener("input", update);
    update();

    var copied = box.querySelector("[data-tr-example-copied]");
    box.querySelector("[data-tr-example-copy]").addEventListener("click", function () {
      var text = code.textContent;
      function done() { copied.textContent = box.getAttribute("data-copied"); }
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () {});
      } else {
        var area = el("textarea", { class: "tr-visually-hidden" }, [text]);
        document.body.appendChild(area);
        area.select();
        if (document.execCommand("copy")) done();
        area.remove();
      }
    });
  }

  setupSearch();
  setupVersions();
  setupExamples();
})();
