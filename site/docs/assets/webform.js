/* Treaty Reports: the web form of one form (forms/<form>/new/).
 *
 * Reads <script id="tr-webform-data">, written by the site build (generator/site/pages/
 * webforms.py): the field tree (spec), the form's JSON Schemas, the CLI's messages (TR2xx),
 * the bodies that file the form. The register's treaties (one file per language, as large as
 * the country's register) are fetched once, at page load, from D.register (relative to the
 * page): until they arrive, or if they cannot, the page says so and the form works without
 * them (no rows filled in, no suggestions). Fields are built with DOM calls only (text is
 * never parsed as HTML). Validation is Ajv's (assets/vendor/ajv/, draft 2020-12) against the
 * same schemas `treaty validate` uses; each Ajv error is told with the CLI's message.
 * Nothing is sent anywhere: the file is downloaded, copied, or handed to GitHub's new-file
 * page in its address.
 */
(function () {
  "use strict";
  var node = document.getElementById("tr-webform-data");
  var root = document.querySelector("[data-tr-webform]");
  if (!node || !root || !window.ajv2020) return;
  var D = JSON.parse(node.textContent);
  var ui = D.ui;
  var M = D.messages;

  /* ------------------------------------------------------------ validator */
  var Ajv = window.ajv2020.default || window.ajv2020;
  var ajv = new Ajv({ allErrors: true, strict: false, verbose: true });
  var DAY = /^[0-9]{4}-[0-9]{2}-[0-9]{2}$/;
  function isDate(text) { /* as Python's date.fromisoformat: a real calendar day */
    if (!DAY.test(text)) return false;
    var y = +text.slice(0, 4), m = +text.slice(5, 7), d = +text.slice(8, 10);
    var t = new Date(Date.UTC(y, m - 1, d));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
  }
  ajv.addFormat("date", { type: "string", validate: isDate });
  ajv.addFormat("email", true); /* the CLI checks e-mails by their pattern only */
  Object.keys(D.schemas).forEach(function (name) { ajv.addSchema(D.schemas[name]); });
  var validate = ajv.getSchema(D.schema_id);

  /* -------------------------------------------------------------- helpers */
  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] !== null && attrs[k] !== undefined && attrs[k] !== false) e.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      e.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return e;
  }
  function fill(template, args) {
    return String(template || "").replace(/\{([a-z_]+)\}/g, function (all, key) {
      return Object.prototype.hasOwnProperty.call(args, key) ? String(args[key]) : all;
    });
  }
  function pointer(path) {
    return path.map(function (p) { return "/" + String(p).replace(/~/g, "~0").replace(/\//g, "~1"); }).join("");
  }
  function idOf(ptr) { return "tr-f" + ptr.replace(/[^A-Za-z0-9_-]/g, "-"); }
  function label(name) { return D.labels[name] || name; }
  function fieldName(name) {
    var shown = label(name);
    return shown !== name ? "«" + shown + "» (" + name + ")" : "«" + name + "»";
  }

  /* ----------------------------------------------------------- the fields */
  var widgets = {}; /* JSON pointer -> {wrap, focus(), error element} */
  var touched = {};
  var submitted = false;
  var tablePristine = true;

  function register(ptr, wrap, focusable) {
    var error = el("p", { class: "tr-field-error", id: idOf(ptr) + "-error", hidden: "" });
    var anchor = wrap.querySelector(":scope > legend, :scope > label");
    if (anchor) anchor.after(error); else wrap.prepend(error);
    widgets[ptr] = { wrap: wrap, error: error, focusable: focusable };
    wrap.setAttribute("data-path", ptr);
  }

  function helpText(spec, id) {
    var parts = [];
    if (spec.help && spec.help.text) parts.push(spec.help.text);
    if (spec.internal) parts.push("(" + ui.internal + ")");
    if (!parts.length) return null;
    var p = el("p", { class: "tr-field-help", id: id }, [parts.join(" ")]);
    if (spec.help && spec.help.english) p.setAttribute("lang", "en");
    return p;
  }

  function caption(spec) {
    var mark = spec.required ? "" : " (" + ui.optional + ")";
    return spec.label + mark;
  }

  function scalarInput(spec, ptr, value) {
    var id = idOf(ptr);
    var help = helpText(spec, id + "-help");
    var input;
    if (spec.kind === "enum" || spec.kind === "boolean" || (spec.kind === "string" && spec.role === "body_code")) {
      input = el("select", { id: id, name: ptr });
      input.appendChild(el("option", { value: "" }, [ui.choose]));
      var options = spec.kind === "enum" ? spec.values
        : spec.kind === "boolean" ? [["true", ui.yes], ["false", ui.no]]
        : D.bodies;
      options.forEach(function (o) {
        var text = o[1] ? o[0] + " — " + o[1] : o[0];
        if (spec.kind === "boolean") text = o[1];
        input.appendChild(el("option", { value: o[0] }, [text]));
      });
      if (value !== undefined && value !== null) input.value = String(value);
    } else {
      var attrs = { id: id, name: ptr, type: "text", autocomplete: "off", spellcheck: "false" };
      if (spec.kind === "integer" || spec.kind === "number") attrs.inputmode = "numeric";
      if (spec.role === "date") { attrs.inputmode = "numeric"; attrs.placeholder = "YYYY-MM-DD"; }
      if (spec.role === "treaty_id") attrs.list = "tr-treaty-ids";
      if (spec.role === "email") attrs.type = "email";
      input = el("input", attrs);
      if (value !== undefined && value !== null) input.value = String(value);
    }
    if (help) input.setAttribute("aria-describedby", help.id);
    if (spec.required) input.setAttribute("aria-required", "true");
    var wrap = el("div", { class: "tr-field" }, [el("label", { for: id }, [caption(spec)]), help, input]);
    register(ptr, wrap, function () { return input; });
    return {
      el: wrap,
      get: function () {
        var v = input.value;
        if (v === "") return undefined;
        if (spec.kind === "boolean") return v === "true";
        if ((spec.kind === "integer" || spec.kind === "number") && /^-?[0-9]+$/.test(v.trim())) return parseInt(v, 10);
        return v;
      },
      input: input,
    };
  }

  function textInput(spec, ptr, value) {
    var id = idOf(ptr);
    var help = helpText(spec, id + "-help");
    var boxes = {};
    var fs = el("fieldset", { class: "tr-field tr-text", id: id }, [el("legend", {}, [caption(spec)]), help]);
    spec.langs.forEach(function (pair) {
      var lang = pair[0];
      var boxId = id + "-" + lang;
      var box = el("textarea", { id: boxId, name: ptr + "/" + lang, rows: "2", lang: lang });
      if (help) box.setAttribute("aria-describedby", help.id);
      if (value && value[lang]) box.value = value[lang];
      boxes[lang] = box;
      fs.appendChild(el("div", { class: "tr-text-lang" }, [el("label", { for: boxId }, [pair[1]]), box]));
    });
    register(ptr, fs, function () { return boxes.kk; });
    spec.langs.forEach(function (pair) {
      register(ptr + "/" + pair[0], boxes[pair[0]].parentNode, function () { return boxes[pair[0]]; });
    });
    return {
      el: fs,
      get: function () {
        var out = {}, any = false;
        spec.langs.forEach(function (pair) {
          if (boxes[pair[0]].value !== "") { out[pair[0]] = boxes[pair[0]].value; any = true; }
        });
        return any ? out : undefined;
      },
    };
  }

  function objectInput(spec, ptr, path, value, legendText) {
    var fs = el("fieldset", { class: "tr-field tr-object", id: idOf(ptr) }, [
      el("legend", {}, [legendText || caption(spec)]), helpText(spec, idOf(ptr) + "-help"),
    ]);
    var parts = spec.fields.map(function (child) {
      var w = build(child, path.concat([child.name]), value ? value[child.name] : undefined);
      if (w.el) fs.appendChild(w.el);
      return [child, w];
    });
    register(ptr, fs, function () {
      return fs.querySelector("input, select, textarea, button");
    });
    return {
      el: fs,
      get: function () {
        var out = {}, any = false;
        parts.forEach(function (pair) {
          var v = pair[1].get();
          if (v !== undefined) {
            out[pair[0].name] = v;
            if (pair[0].kind !== "const") any = true;
          }
        });
        return any || spec.required ? out : undefined;
      },
      parts: parts,
    };
  }

  function listInput(spec, ptr, path, value) {
    var fs = el("fieldset", { class: "tr-field tr-list", id: idOf(ptr) }, [
      el("legend", {}, [caption(spec)]), helpText(spec, idOf(ptr) + "-help"),
    ]);
    var holder = el("div", { class: "tr-list-items" });
    var add = el("button", { type: "button", class: "md-button tr-add" }, [fill(ui.add, { label: spec.label })]);
    fs.appendChild(holder);
    fs.appendChild(add);
    var items = [];

    function render(values) {
      Object.keys(widgets).forEach(function (k) {
        if (k.indexOf(ptr + "/") === 0) delete widgets[k];
      });
      holder.replaceChildren();
      items = values.map(function (v, i) {
        var itemPath = path.concat([i]);
        var title = fill(ui.row, { label: spec.label, number: i + 1 });
        var w = spec.item.kind === "object"
          ? objectInput(spec.item, pointer(itemPath), itemPath, v, title)
          : build(Object.assign({}, spec.item, { label: title }), itemPath, v);
        var remove = el("button", { type: "button", class: "md-button tr-remove" },
          [fill(ui.remove, { label: spec.label, number: i + 1 })]);
        remove.addEventListener("click", function () {
          var now = items.map(function (x) { return x.get(); });
          now.splice(i, 1);
          render(now);
          add.focus();
          changed();
        });
        w.el.appendChild(remove);
        holder.appendChild(w.el);
        return w;
      });
    }
    add.addEventListener("click", function () {
      var now = items.map(function (x) { return x.get(); });
      now.push(spec.item.kind === "object" ? {} : undefined);
      render(now);
      var last = items[items.length - 1];
      var first = last.el.querySelector("input, select, textarea");
      if (first) first.focus();
      if (spec.name === D.table) tablePristine = false;
    });
    /* a new row starts with the rows its lists need (as `treaty new` gives one of each) */
    var start = Array.isArray(value) ? value : [];
    if (!Array.isArray(value) && spec.item.kind === "object") {
      for (var n = 0; n < spec.min; n++) start.push({});
    }
    render(start);
    register(ptr, fs, function () { return add; });
    var widget = {
      el: fs,
      get: function () {
        var out = items.map(function (x) {
          var v = x.get();
          return v === undefined && spec.item.kind === "object" ? {} : v;
        }).filter(function (v) { return v !== undefined; });
        if (!out.length && !spec.required) return undefined;
        return out;
      },
      set: render,
    };
    if (path.length === 1 && spec.name === D.table) tableWidget = widget;
    return widget;
  }

  var tableWidget = null;

  function build(spec, path, value) {
    var ptr = pointer(path);
    if (spec.kind === "const") {
      return { el: null, get: function () { return spec.value; } };
    }
    if (spec.kind === "text") return textInput(spec, ptr, value);
    if (spec.kind === "object") return objectInput(spec, ptr, path, value);
    if (spec.kind === "list") return listInput(spec, ptr, path, value);
    return scalarInput(spec, ptr, value);
  }

  /* --------------------------------------------------------- the messages */
  function exampleValue(parts) {
    var n = D.example;
    for (var i = 0; i < parts.length; i++) {
      var part = parts[i];
      if (Array.isArray(n) && typeof part === "number" && n.length) n = n[Math.min(part, n.length - 1)];
      else if (n && typeof n === "object" && !Array.isArray(n) && typeof part === "string") n = n[part];
      else return "";
    }
    return typeof n === "string" || typeof n === "number" ? String(n) : "";
  }
  function shown(value) {
    var text = value === null || value === undefined ? "" : typeof value === "object" ? JSON.stringify(value) : String(value);
    return text.length <= 60 ? text : text.slice(0, 57) + "...";
  }
  function partsOf(ptr) {
    return ptr.split("/").slice(1).map(function (p) {
      p = p.replace(/~1/g, "/").replace(/~0/g, "~");
      return /^[0-9]+$/.test(p) ? parseInt(p, 10) : p;
    });
  }
  function lastName(parts) {
    for (var i = parts.length - 1; i >= 0; i--) if (typeof parts[i] === "string") return parts[i];
    return "";
  }
  function allowed(name, values) {
    var labels = {};
    (function find(list) {
      list.forEach(function (s) {
        if (s.name === name && s.kind === "enum") s.values.forEach(function (v) { labels[v[0]] = v[1]; });
        if (s.fields) find(s.fields);
        if (s.item) find([s.item]);
      });
    })(D.spec);
    return values.map(function (v) { return labels[v] ? v + " (" + labels[v] + ")" : v; }).join(", ");
  }
  function finding(error) {
    var parts = partsOf(error.instancePath);
    var name = lastName(parts);
    var args = { field: name, value: shown(error.data) };
    var k = error.keyword, p = error.params || {};
    if (k === "required") {
      return { parts: parts.concat([p.missingProperty]), code: "TR201", args: { field: p.missingProperty } };
    }
    if (k === "additionalProperties") {
      return { parts: parts.concat([p.additionalProperty]), code: "TR204", args: { field: p.additionalProperty } };
    }
    if (k === "anyOf") return { parts: parts, code: "TR208", args: { field: name } };
    if (k === "type") {
      var shape = "type-" + p.type;
      var props = error.parentSchema && error.parentSchema.properties;
      if (p.type === "object" && props && props.kk && props.ru) shape = "type-text";
      return { parts: parts, code: "TR202", args: Object.assign(args, { expected: p.type, detail: shape }) };
    }
    if (k === "enum") return { parts: parts, code: "TR203", args: Object.assign(args, { allowed: allowed(name, p.allowedValues || []) }) };
    if (k === "const") return { parts: parts, code: "TR213", args: Object.assign(args, { expected: p.allowedValue }) };
    if (k === "format") return { parts: parts, code: "TR210", args: args };
    if (k === "pattern") return { parts: parts, code: "TR205", args: Object.assign(args, { pattern: p.pattern, example: exampleValue(parts) || "…" }) };
    if (k === "minItems") return { parts: parts, code: "TR206", args: Object.assign(args, { limit: p.limit }) };
    if (k === "maxItems" || k === "maxLength") return { parts: parts, code: "TR207", args: Object.assign(args, { limit: p.limit }) };
    if (k === "minLength") return { parts: parts, code: "TR212", args: args };
    if (/^(exclusiveM|m)(in|ax)imum$/.test(k)) return { parts: parts, code: "TR211", args: Object.assign(args, { limit: p.limit }) };
    return { parts: parts, code: "TR209", args: Object.assign(args, { detail: error.message }) };
  }
  function say(f) {
    var entry = M.problems[f.code] || {};
    var args = Object.assign({}, f.args);
    if ("field" in args) args.field = fieldName(args.field);
    if (args.detail && M.path_errors[args.detail]) args.detail = M.path_errors[args.detail];
    var text = fill(entry.message || f.code, args);
    var hint = fill(entry.hint || "", args);
    return { text: text, hint: hint };
  }

  /* ------------------------------------------------------------ the page */
  var form = root.querySelector("form");
  var fieldsBox = root.querySelector(".tr-webform-fields");
  var summary = root.querySelector(".tr-error-summary");
  var summaryList = summary.querySelector("ul");
  var result = root.querySelector(".tr-webform-result");
  var yamlBox = root.querySelector(".tr-webform-yaml");
  var pathBox = root.querySelector(".tr-webform-path");
  var ids = el("datalist", { id: "tr-treaty-ids" });
  fieldsBox.appendChild(ids);
  /* the register's treaties: fetched below; {} until then (and if the fetch fails) */
  var treaties = {};
  var registerNote = el("p", { class: "tr-webform-register", role: "status" }, [ui.register_loading]);
  fieldsBox.before(registerNote);
  root.setAttribute("data-tr-register", "loading");

  function defaultPeriod() {
    var year = new Date().getFullYear();
    return D.period_default === "last" ? year - 1 : year;
  }
  var initial = { period: defaultPeriod() };
  var top = D.spec.map(function (spec) {
    var w = build(spec, [spec.name], initial[spec.name]);
    if (w.el) fieldsBox.appendChild(w.el);
    return [spec, w];
  });
  var slugWidget = null;
  if (D.event) {
    slugWidget = scalarInput({ name: "slug", label: ui.slug, required: true, kind: "string", role: "slug",
      help: { text: ui.slug_help, english: false } }, "/~slug", undefined);
    fieldsBox.appendChild(slugWidget.el);
  }
  var filledNote = el("p", { class: "tr-webform-filled", role: "status" });
  if (tableWidget) tableWidget.el.insertBefore(filledNote, tableWidget.el.querySelector(".tr-list-items"));

  function data() {
    var out = {};
    top.forEach(function (pair) {
      var v = pair[1].get();
      if (v !== undefined) out[pair[0].name] = v;
    });
    return out;
  }

  /* the treaty table: one row per treaty the register gives the body for the period */
  function fits(t, period) {
    var end = period + "-12-31";
    var inForce = !!t.in_force && t.in_force <= end;
    if (D.treaty_status === "in-force") return inForce;
    if (D.treaty_status === "signed-not-in-force") return !inForce && !!t.signed && t.signed <= end;
    return true;
  }
  var filledFor = "";
  function prefill() {
    if (!tableWidget || !tablePristine) return;
    var d = data();
    if (!d.body || typeof d.period !== "number") return;
    if (root.getAttribute("data-tr-register") !== "loaded") return; /* filled in when it comes */
    if (filledFor === d.body + "/" + d.period) return; /* a change event on leaving the field */
    filledFor = d.body + "/" + d.period;
    var rows = Object.keys(treaties).filter(function (id) {
      var t = treaties[id];
      return t.bodies.indexOf(d.body) >= 0 && fits(t, d.period);
    });
    tableWidget.set(rows.map(function (id) { return { treaty: id }; }));
    filledNote.textContent = fill(ui.treaties_filled, { count: rows.length });
  }

  function extraFindings(d) { /* the file name of an event report, as `treaty new` checks it */
    var found = [];
    if (!D.event) return found;
    var slug = slugWidget.get();
    var clerk = M.clerk;
    if (!slug) found.push({ ptr: "/~slug", text: fill(clerk["usage.slug_needed"], { form: D.kind }), hint: "" });
    else if (slug.length > 80 || !new RegExp(D.slug_pattern).test(slug)) {
      found.push({ ptr: "/~slug", text: fill(clerk["usage.bad_slug"], { value: slug }), hint: "" });
    }
    var day = D.date_field && d[D.date_field];
    if (typeof day === "string" && isDate(day) && typeof d.period === "number" && +day.slice(0, 4) !== d.period) {
      found.push({ ptr: "/period", text: fill(clerk["usage.outside_period"], { date: day, period: d.period }), hint: "" });
    }
    return found;
  }

  function problems(d) {
    var seen = {};
    var out = [];
    if (!validate(d)) {
      validate.errors.forEach(function (e) {
        var f = finding(e);
        var ptr = pointer(f.parts);
        var words = say(f);
        var key = ptr + "|" + f.code + "|" + words.text;
        if (seen[key]) return;
        seen[key] = true;
        out.push({ ptr: ptr, text: words.text, hint: words.hint });
      });
    }
    return out.concat(extraFindings(d));
  }

  function widgetFor(ptr) { /* the field a problem belongs to: the nearest drawn one */
    var at = ptr;
    while (at && !widgets[at]) at = at.slice(0, at.lastIndexOf("/"));
    return widgets[at] || null;
  }

  function show(found, all) {
    Object.keys(widgets).forEach(function (k) {
      var w = widgets[k];
      w.error.hidden = true;
      w.error.replaceChildren();
      w.wrap.classList.remove("tr-field--error");
      var f = w.focusable();
      if (f && f.tagName !== "BUTTON") f.removeAttribute("aria-invalid");
    });
    var shownHere = [];
    found.forEach(function (p) {
      var w = widgetFor(p.ptr);
      if (!w) return;
      var target = w.focusable();
      var key = Object.keys(widgets).filter(function (k) { return widgets[k] === w; })[0];
      if (!all && !touched[key] && !Object.keys(touched).some(function (t) { return t.indexOf(key + "/") === 0; })) return;
      w.error.hidden = false;
      if (w.error.childNodes.length) w.error.appendChild(el("br"));
      w.error.appendChild(el("span", { class: "tr-visually-hidden" }, [ui.error_prefix + " "]));
      w.error.appendChild(document.createTextNode(p.text + (p.hint ? " " + p.hint : "")));
      w.wrap.classList.add("tr-field--error");
      if (target && target.tagName !== "BUTTON") {
        target.setAttribute("aria-invalid", "true");
        var described = (target.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
        if (described.indexOf(w.error.id) < 0) described.unshift(w.error.id);
        target.setAttribute("aria-describedby", described.join(" "));
      }
      shownHere.push({ p: p, target: target });
    });
    return shownHere;
  }

  function where(parts) { /* "Annex 1 2, Measures 1: " for a field inside table rows */
    var found = [];
    for (var i = 1; i < parts.length; i++) {
      if (typeof parts[i] === "number" && typeof parts[i - 1] === "string") {
        found.push(fill(ui.row, { label: label(parts[i - 1]), number: parts[i] + 1 }));
      }
    }
    return found.length ? found.join(", ") + ": " : "";
  }

  function fillSummary(listed) {
    summaryList.replaceChildren();
    listed.forEach(function (item) {
      var target = item.target;
      var link = el("a", { href: "#" + (target && target.id ? target.id : "") }, [where(partsOf(item.p.ptr)) + item.p.text]);
      link.addEventListener("click", function (event) {
        event.preventDefault();
        if (!target) return;
        target.focus();
        target.scrollIntoView({ block: "center" });
      });
      summaryList.appendChild(el("li", {}, [link]));
    });
    summary.hidden = listed.length === 0;
  }

  var timer = null;
  function changed() {
    result.hidden = true;
    clearTimeout(timer);
    timer = setTimeout(function () {
      var found = problems(data());
      var listed = show(found, submitted);
      if (submitted) fillSummary(listed);
    }, 250);
  }

  form.addEventListener("input", function (event) {
    var wrap = event.target.closest("[data-path]");
    if (wrap) touched[wrap.getAttribute("data-path")] = true;
    if (tableWidget && tableWidget.el.contains(event.target)) tablePristine = false;
    var name = event.target.getAttribute("name");
    if (name === "/body" || name === "/period") prefill();
    changed();
  });
  form.addEventListener("change", function (event) {
    var name = event.target.getAttribute("name");
    if (name === "/body" || name === "/period") prefill();
  });

  function registerLoaded(found) {
    treaties = found;
    Object.keys(treaties).forEach(function (id) {
      ids.appendChild(el("option", { value: id }, [treaties[id].title || id]));
    });
    root.setAttribute("data-tr-register", "loaded");
    registerNote.textContent = "";
    registerNote.hidden = true;
    prefill(); /* a body and period chosen while it was on its way */
  }
  function registerFailed() {
    root.setAttribute("data-tr-register", "failed");
    registerNote.textContent = ui.register_failed;
  }
  fetch(D.register, { credentials: "same-origin" }).then(function (response) {
    if (!response.ok) throw new Error(response.status);
    return response.json();
  }).then(function (found) {
    var list = found && found.treaties;
    if (!list || typeof list !== "object" || Array.isArray(list)) throw new Error("treaties");
    registerLoaded(list);
  }).catch(registerFailed);

  /* --------------------------------------------------------- the file */
  function plainSafe(text) {
    return /^[a-z][a-z0-9-]*$/.test(text) && !/^(y|n|yes|no|on|off|true|false|null)$/.test(text);
  }
  function scalar(v) {
    if (typeof v === "string") return plainSafe(v) ? v : JSON.stringify(v);
    return String(v);
  }
  function oneLine(text) { return String(text).replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ").replace(/\s+/g, " ").trim(); }
  function emit(value, indent, lines) {
    var pad = new Array(indent + 1).join(" ");
    Object.keys(value).forEach(function (key) {
      var v = value[key];
      if (Array.isArray(v)) {
        if (!v.length) { lines.push(pad + key + ": []"); return; }
        lines.push(pad + key + ":");
        v.forEach(function (item) {
          if (item && typeof item === "object") {
            var inner = [];
            emit(item, indent + 2, inner);
            if (!inner.length) { lines.push(pad + "- {}"); return; }
            lines.push(pad + "- " + inner[0].slice(indent + 2));
            for (var i = 1; i < inner.length; i++) lines.push(inner[i]);
          } else {
            lines.push(pad + "- " + scalar(item));
          }
        });
      } else if (v && typeof v === "object") {
        if (!Object.keys(v).length) { lines.push(pad + key + ": {}"); return; }
        lines.push(pad + key + ":");
        emit(v, indent + 2, lines);
      } else {
        var line = pad + key + ": " + scalar(v);
        var t = key === "treaty" && Object.prototype.hasOwnProperty.call(treaties, v) ? treaties[v] : null;
        if (t && t.title) line += "  # " + oneLine(t.title);
        lines.push(line);
      }
    });
  }
  function filePath(d) {
    var folder = "submissions/" + d.period + "/" + d.body;
    if (!D.event) return folder + "/" + D.kind + ".yaml";
    return folder + "/" + D.folder + "/" + d[D.date_field] + "-" + slugWidget.get() + ".yaml";
  }
  function fileText(d, path) {
    var up = new Array(path.split("/").length).join("../");
    var lines = ["# yaml-language-server: $schema=" + up + "schemas/" + D.schema_file];
    emit(d, 0, lines);
    return lines.join("\n") + "\n";
  }

  var made = null;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    submitted = true;
    clearTimeout(timer);
    var d = data();
    var found = problems(d);
    var listed = show(found, true);
    fillSummary(listed);
    if (found.length) {
      result.hidden = true;
      summary.focus();
      return;
    }
    var path = filePath(d);
    made = { path: path, text: fileText(d, path) };
    pathBox.textContent = path;
    yamlBox.value = made.text;
    var github = root.querySelector("[data-tr-github]");
    if (github && D.repo_url) {
      github.href = D.repo_url + "/new/" + encodeURIComponent(D.branch) + "?filename=" +
        encodeURIComponent(path) + "&value=" + encodeURIComponent(made.text);
    }
    result.hidden = false;
    result.querySelector("h2").focus();
  });

  root.querySelector("[data-tr-download]").addEventListener("click", function () {
    if (!made) return;
    var blob = new Blob([made.text], { type: "application/yaml" });
    var link = el("a", { href: URL.createObjectURL(blob), download: made.path.split("/").pop() });
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  });
  root.querySelector("[data-tr-copy]").addEventListener("click", function () {
    if (!made) return;
    var note = root.querySelector(".tr-webform-copied");
    function done() { note.textContent = ui.copied; }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(made.text).then(done, function () { yamlBox.select(); });
    } else {
      yamlBox.select();
      if (document.execCommand("copy")) done();
    }
  });
})();
