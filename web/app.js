// annals dashboard: a world map of the store's events, a timeline of events per day
// that filters by brushing, filters, a list, and an event panel with the sentences
// each event was read from highlighted in its articles.
//
// Everything the store says is written into the page as text (textContent, SVG
// attributes), never as HTML, so an article holding markup shows that markup.
"use strict";

(() => {
  const state = { type: "", country: "", actor_kind: "", since: "", until: "", text: "" };
  const view = { vocabulary: null, maxPage: 1000, events: [], selected: null, color: null, days: [] };
  const $ = (id) => document.getElementById(id);

  // ---------------------------------------------------------------- helpers

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }

  function showError(message) {
    const box = $("error");
    box.textContent = message;
    box.hidden = !message;
  }

  async function getJson(path, params) {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) if (v !== "" && v !== undefined && v !== null) query.set(k, v);
    const url = query.toString() ? `${path}?${query}` : path;
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json().catch(() => ({ error: `bad answer from ${path}` }));
    if (!response.ok) throw new Error(body.error || `${path}: HTTP ${response.status}`);
    return body;
  }

  function filters(withDates) {
    const f = { type: state.type, country: state.country, actor_kind: state.actor_kind, text: state.text };
    if (withDates) Object.assign(f, { since: state.since, until: state.until });
    return f;
  }

  const totalText = (r) => `${r.total.toLocaleString("en")}${r.total_exact ? "" : "+"}`;
  const count = (n) => (n === null || n === undefined ? null : Number(n).toLocaleString("en"));
  const place = (loc) => (loc ? [loc.name, loc.country].filter(Boolean).join(", ") : "no place");
  const typeLabel = (e) => (e.mode ? `${e.type} · ${e.mode}` : e.type);
  const isoDay = (d) => d3.utcFormat("%Y-%m-%d")(d);
  const parseDay = d3.utcParse("%Y-%m-%d");

  // The ranges of UTF-8 bytes `spans` cover in `text`, as runs of text with the
  // classes of the spans over them (spans are byte offsets, as in the output contract).
  function runs(text, marks) {
    const bytes = new TextEncoder().encode(text);
    const decoder = new TextDecoder();
    const cuts = new Set([0, bytes.length]);
    for (const m of marks) {
      cuts.add(Math.max(0, Math.min(bytes.length, m.start)));
      cuts.add(Math.max(0, Math.min(bytes.length, m.end)));
    }
    const points = [...cuts].sort((a, b) => a - b);
    const out = [];
    for (let i = 0; i + 1 < points.length; ++i) {
      const a = points[i], b = points[i + 1];
      const classes = [...new Set(marks.filter((m) => m.start <= a && m.end >= b).map((m) => m.cls))];
      out.push({ text: decoder.decode(bytes.subarray(a, b)), classes });
    }
    return out;
  }

  // A block of text with its marked runs as <span>s.
  function markedText(text, marks, cls) {
    const node = el("div", { class: cls });
    for (const r of runs(text, marks)) {
      if (r.classes.length === 0) node.append(document.createTextNode(r.text));
      else node.append(el("span", { class: r.classes.join(" "), text: r.text }));
    }
    return node;
  }

  // ---------------------------------------------------------------- map

  const map = { svg: null, g: null, points: null, projection: null, zoom: null, k: 1 };

  function radius(e) {
    return (2.5 + 2.2 * Math.sqrt(Math.max(1, e.mentions))) / Math.sqrt(map.k);
  }

  async function drawMap() {
    const svg = d3.select("#map");
    map.svg = svg;
    const { width, height } = svg.node().getBoundingClientRect();
    map.projection = d3.geoNaturalEarth1().fitExtent([[8, 8], [width - 8, height - 8]], { type: "Sphere" });
    const path = d3.geoPath(map.projection);
    const g = svg.append("g");
    map.g = g;
    g.append("path").attr("class", "sphere").attr("d", path({ type: "Sphere" }));
    g.append("path").attr("class", "graticule").attr("d", path(d3.geoGraticule10()));
    const world = await (await fetch("vendor/countries-50m.json")).json();
    const countries = topojson.feature(world, world.objects.countries);
    g.append("g").selectAll("path").data(countries.features).join("path").attr("class", "land").attr("d", path)
      .append("title").text((d) => d.properties.name);
    g.append("path").attr("class", "borders")
      .attr("d", path(topojson.mesh(world, world.objects.countries, (a, b) => a !== b)));
    map.points = g.append("g").attr("class", "points");
    map.zoom = d3.zoom().scaleExtent([1, 60]).translateExtent([[0, 0], [width, height]])
      .on("zoom", (event) => {
        map.k = event.transform.k;
        g.attr("transform", event.transform);
        map.points.selectAll("circle").attr("r", radius);
      });
    svg.call(map.zoom);
  }

  function drawPoints() {
    const located = view.events.filter((e) => e.location && e.location.lat !== null && e.location.lon !== null);
    // The most reported on top.
    located.sort((a, b) => a.mentions - b.mentions);
    map.points.selectAll("circle").data(located, (d) => d.event_id).join("circle")
      .attr("class", (d) => (view.selected === d.event_id ? "event selected" : "event"))
      .attr("data-id", (d) => d.event_id)
      .attr("cx", (d) => map.projection([d.location.lon, d.location.lat])[0])
      .attr("cy", (d) => map.projection([d.location.lon, d.location.lat])[1])
      .attr("r", radius)
      .attr("fill", (d) => view.color(d.type))
      .on("click", (event, d) => openEvent(d.event_id))
      .selectAll("title").data((d) => [d]).join("title")
      .text((d) => `${d.date || "undated"} ${typeLabel(d)} — ${place(d.location)} (${d.mentions} report${d.mentions === 1 ? "" : "s"})`);
    return located.length;
  }

  function drawLegend() {
    const legend = $("legend");
    legend.replaceChildren();
    for (const t of view.vocabulary.types) {
      legend.append(el("span", {}, el("i", { "data-type": t }), t));
    }
    for (const i of legend.querySelectorAll("i")) i.style.background = view.color(i.dataset.type);
  }

  // ---------------------------------------------------------------- timeline

  const timeline = { x: null, brush: null, g: null, silent: false };

  function drawTimeline(byDay) {
    const svg = d3.select("#timeline");
    svg.selectAll("*").remove();
    const { width, height } = svg.node().getBoundingClientRect();
    const margin = { left: 40, right: 16, top: 8, bottom: 22 };
    const dated = byDay.filter(([d]) => d).map(([d, n]) => ({ day: parseDay(d), n }));
    // The axis spans the bulk of the events: the earliest and latest 0.5% (events dated
    // long before or after the others) would squeeze the rest into a few pixels. A day
    // of those tails within a month of the bulk's days is no outlier and stays (the
    // latest events of a store that grows every day are in its last 0.5%).
    const total = d3.sum(dated, (d) => d.n);
    let lo = 0, hi = dated.length - 1;
    for (let seen = 0; lo < hi && seen + dated[lo].n <= total * 0.005; ++lo) seen += dated[lo].n;
    for (let seen = 0; hi > lo && seen + dated[hi].n <= total * 0.005; --hi) seen += dated[hi].n;
    const month = 31 * 864e5;
    while (lo > 0 && dated[lo].day - dated[lo - 1].day <= month) --lo;
    while (hi < dated.length - 1 && dated[hi + 1].day - dated[hi].day <= month) ++hi;
    const days = dated.slice(lo, hi + 1);
    const left = total - d3.sum(days, (d) => d.n);
    view.days = days;
    if (days.length === 0) {
      $("timeline-note").textContent = "No dated events.";
      return;
    }
    const first = d3.min(days, (d) => d.day), last = d3.utcDay.offset(d3.max(days, (d) => d.day), 1);
    const x = d3.scaleUtc().domain([first, last]).range([margin.left, width - margin.right]);
    const y = d3.scaleLinear().domain([0, d3.max(days, (d) => d.n)]).nice().range([height - margin.bottom, margin.top]);
    timeline.x = x;
    const barWidth = Math.max(1, x(d3.utcDay.offset(first, 1)) - x(first) - 0.5);
    svg.append("g").attr("class", "bars").selectAll("rect").data(days).join("rect")
      .attr("class", "bar")
      .attr("x", (d) => x(d.day)).attr("width", barWidth)
      .attr("y", (d) => y(d.n)).attr("height", (d) => y(0) - y(d.n))
      .append("title").text((d) => `${isoDay(d.day)}: ${d.n} event${d.n === 1 ? "" : "s"}`);
    svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - margin.bottom})`)
      .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 110))).tickSizeOuter(0));
    svg.append("g").attr("class", "axis").attr("transform", `translate(${margin.left},0)`)
      .call(d3.axisLeft(y).ticks(3));
    timeline.brush = d3.brushX().extent([[margin.left, margin.top], [width - margin.right, height - margin.bottom]])
      .on("end", brushed);
    timeline.g = svg.append("g").attr("class", "brush").call(timeline.brush);
    shadeBars();
    setBrushFromDates();
    $("timeline-note").textContent =
      `${d3.sum(days, (d) => d.n).toLocaleString("en")} dated events, ${isoDay(first)} to ${isoDay(d3.utcDay.offset(last, -1))}` +
      (left ? ` (${left.toLocaleString("en")} dated outside, not drawn)` : "") + ". Drag over the timeline to choose dates.";
  }

  function shadeBars() {
    const since = state.since ? parseDay(state.since) : null, until = state.until ? parseDay(state.until) : null;
    d3.select("#timeline").selectAll("rect.bar")
      .classed("out", (d) => (since && d.day < since) || (until && d.day > until));
  }

  function setBrushFromDates() {
    if (!timeline.brush || !timeline.x) return;
    timeline.silent = true;
    if (state.since || state.until) {
      const [a, b] = timeline.x.domain();
      const since = state.since ? parseDay(state.since) : a;
      const until = state.until ? d3.utcDay.offset(parseDay(state.until), 1) : b;
      timeline.g.call(timeline.brush.move, [timeline.x(since), timeline.x(until)].map((v) => Math.max(timeline.x.range()[0], Math.min(timeline.x.range()[1], v))));
    } else {
      timeline.g.call(timeline.brush.move, null);
    }
    timeline.silent = false;
  }

  function brushed(event) {
    if (timeline.silent || !event.sourceEvent) return;
    if (!event.selection) {
      state.since = state.until = "";
    } else {
      const [a, b] = event.selection.map(timeline.x.invert);
      state.since = isoDay(d3.utcDay.round(a));
      state.until = isoDay(d3.utcDay.offset(d3.utcDay.round(b), -1));
      if (state.until < state.since) state.until = state.since;
    }
    $("f-since").value = state.since;
    $("f-until").value = state.until;
    shadeBars();
    loadEvents();
  }

  // ---------------------------------------------------------------- list and panel

  function drawList(result) {
    const list = $("event-list");
    list.replaceChildren();
    const byDate = [...view.events].sort((a, b) => (b.date || "").localeCompare(a.date || "") || b.mentions - a.mentions)
      .slice(0, kListEvents);
    for (const e of byDate) {
      const dot = el("span", { class: "dot" });
      dot.style.background = view.color(e.type);
      const who = [e.source_texts.join(", "), e.target_texts.join(", ")].filter(Boolean).join(" → ");
      const item = el("li", { "data-id": e.event_id, tabindex: "0" },
        el("div", { class: "line1" }, dot, el("span", { class: "type", text: typeLabel(e) }),
          el("span", { class: "date", text: e.date || "undated" }),
          el("span", { class: "count", text: `${e.mentions} rep.` })),
        el("div", { class: "where", text: place(e.location) }),
        who ? el("div", { class: "who", text: who }) : null);
      item.addEventListener("click", () => openEvent(e.event_id));
      item.addEventListener("keydown", (ev) => { if (ev.key === "Enter") openEvent(e.event_id); });
      list.append(item);
    }
    const mapped = view.events.length, shown = byDate.length;
    $("list-title").textContent = result.total <= shown ? `Events: ${shown.toLocaleString("en")}`
      : mapped >= result.total ? `Events: the latest ${shown.toLocaleString("en")} of ${totalText(result)}`
      : `Events: the latest ${shown.toLocaleString("en")} of the ${mapped.toLocaleString("en")} most reported (${totalText(result)} match)`;
  }

  function actorList(title, actors) {
    if (!actors.length) return null;
    const ul = el("ul", { class: "actors" });
    for (const a of actors) {
      ul.append(el("li", {}, a.text, el("span", { class: "kind", text: a.kind }),
        a.code ? el("span", { class: "kind", text: a.code }) : null,
        a.count !== null && a.count !== undefined ? el("span", { class: "kind", text: `${count(a.count)}` }) : null));
    }
    return [el("h3", { text: title }), ul];
  }

  function outcomeList(outcome) {
    const dl = el("dl", { class: "outcome" });
    for (const [k, v] of Object.entries(outcome)) if (v !== null) dl.append(el("dt", { text: k }), el("dd", { text: count(v) }));
    return dl.childNodes.length ? dl : el("p", { class: "muted", text: "No counts given." });
  }

  function report(r) {
    const marks = (field) => {
      const m = [];
      for (const s of r.evidence) if ((s.field || "text") === field) m.push({ start: s.start, end: s.end, cls: "ev" });
      if (r.trigger_span && (r.trigger_span.field || "text") === field) m.push({ ...r.trigger_span, cls: "trig" });
      for (const x of [...r.source_actors, ...r.target_actors]) if ((x.field || "text") === field) m.push({ start: x.start, end: x.end, cls: "act" });
      return m;
    };
    const meta = [r.source, r.article_date, r.article_id].filter(Boolean).join(" · ");
    const node = el("div", { class: "report", "data-article": r.article_id },
      el("div", { class: "meta", text: meta }),
      markedText(r.title || "(no title)", r.title ? marks("title") : [], "title"));
    const facts = el("dl", {});
    facts.append(el("dt", { text: "coded" }), el("dd", { text: `${typeLabel(r)} (CAMEO ${r.cameo}), ${r.status}, confidence ${r.confidence}` }));
    facts.append(el("dt", { text: "trigger" }), el("dd", { text: r.trigger || "—" }));
    facts.append(el("dt", { text: "says who" }), el("dd", { class: "attribution", text: r.attribution.length ? r.attribution.join("; ") : "not attributed" }));
    if (r.url) {
      const link = el("a", { href: r.url, rel: "noopener noreferrer nofollow", target: "_blank", text: r.url });
      facts.append(el("dt", { text: "url" }), el("dd", {}, link));
    }
    node.append(facts, el("div", { class: "sentences", hidden: "", text: r.sentences }), markedText(r.text, marks("text"), "text"));
    return node;
  }

  async function openEvent(id) {
    view.selected = id;
    map.points.selectAll("circle").classed("selected", (d) => d.event_id === id);
    let detail;
    try {
      detail = await getJson(`/api/events/${encodeURIComponent(id)}`);
    } catch (err) {
      showError(err.message);
      return;
    }
    const e = detail.event;
    const body = $("panel-body");
    const dot = el("span", { class: "dot" });
    dot.style.background = view.color(e.type);
    const facts = el("dl", {});
    const add = (k, v) => facts.append(el("dt", { text: k }), el("dd", { text: v }));
    add("date", `${e.date || "undated"} (${e.date_precision})`);
    add("place", e.location ? `${[e.location.name, e.location.admin1, e.location.country].filter(Boolean).join(", ")} (${e.location.precision || "?"})` : "unknown");
    if (e.acled) add("ACLED", `${e.acled.event_type} / ${e.acled.sub_event_type || "?"}`);
    add("CAMEO", e.cameo);
    add("status", e.status);
    add("reports", `${e.mentions} from ${e.sources} source${e.sources === 1 ? "" : "s"} (${e.first_report || "?"} to ${e.last_report || "?"})`);
    add("confidence", String(e.confidence));
    const attribution = [...new Set(detail.reports.flatMap((r) => r.attribution))];
    add("says who", attribution.length ? attribution.join("; ") : "not attributed");
    body.replaceChildren(
      el("h2", {}, dot, " ", typeLabel(e)),
      el("div", { class: "meta", text: e.event_id }),
      facts,
      ...(actorList("Source", e.source) || []),
      ...(actorList("Target", e.target) || []),
      el("h3", { text: "Counts" }), outcomeList(e.outcome),
      el("h3", { text: `Reported by ${detail.reports.length} article${detail.reports.length === 1 ? "" : "s"}` }),
      ...detail.reports.map(report));
    $("list-pane").hidden = true;
    $("event-panel").hidden = false;
    $("event-panel").scrollTop = 0;
    // Each article scrolled to its first evidence sentence.
    for (const text of body.querySelectorAll(".report .text")) {
      const first = text.querySelector(".ev");
      if (first) text.scrollTop = Math.max(0, first.offsetTop - 40);
    }
    $("event-panel").dataset.id = id;
  }

  function closeEvent() {
    view.selected = null;
    map.points.selectAll("circle").classed("selected", false);
    $("event-panel").hidden = true;
    $("list-pane").hidden = false;
  }

  // ---------------------------------------------------------------- loading

  let loadSerial = 0;
  const kMapEvents = 5000;  // points on the map at most
  const kListEvents = 500;  // rows in the list at most

  async function loadEvents() {
    const serial = ++loadSerial;
    document.body.dataset.loading = "events";
    try {
      // One analyst's view: the exact number of matches is worth its cost. The map
      // takes the most reported events, a page at a time, up to kMapEvents.
      const params = { ...filters(true), sort: "mentions", limit: view.maxPage };
      const result = await getJson("/api/events", { ...params, total: "exact" });
      while (serial === loadSerial && result.events.length < Math.min(result.total, kMapEvents)) {
        const next = await getJson("/api/events", { ...params, offset: result.events.length, total: 0 });
        if (next.events.length === 0) break;
        result.events.push(...next.events);
      }
      if (serial !== loadSerial) return;  // a newer request is on its way
      view.events = result.events;
      const located = drawPoints();
      drawList(result);
      $("map-note").textContent = result.total > result.events.length
        ? `${located.toLocaleString("en")} located of the ${result.events.length.toLocaleString("en")} most reported (${totalText(result)} match)`
        : `${located.toLocaleString("en")} located of ${totalText(result)} events`;
      $("summary").textContent = `${totalText(result)} events match`;
      showError("");
    } catch (err) {
      if (serial === loadSerial) showError(err.message);
    } finally {
      if (serial === loadSerial) document.body.dataset.loading = "";
    }
  }

  async function loadAll() {
    document.body.dataset.loading = "stats";
    try {
      const stats = await getJson("/api/stats", filters(false));
      drawTimeline(stats.by_day);
      fillCountries(stats.by_country);
    } catch (err) {
      showError(err.message);
    }
    await loadEvents();
  }

  function fillSelect(select, values, labels) {
    const keep = select.value;
    select.replaceChildren(select.options[0]);
    values.forEach((v, i) => select.append(el("option", { value: v, text: labels ? labels[i] : v })));
    select.value = values.includes(keep) ? keep : "";
  }

  function fillCountries(byCountry) {
    if (state.country) return;  // keep the list the user chose from
    const present = byCountry.filter(([c]) => c);
    fillSelect($("f-country"), present.map(([c]) => c), present.map(([c, n]) => `${c} (${n})`));
  }

  function wireFilters() {
    const on = (id, key, dates) => $(id).addEventListener("change", (ev) => {
      state[key] = ev.target.value.trim();
      if (dates) {
        shadeBars();
        setBrushFromDates();
        loadEvents();
      } else {
        loadAll();
      }
    });
    on("f-type", "type");
    on("f-country", "country");
    on("f-actor", "actor_kind");
    on("f-text", "text");
    on("f-since", "since", true);
    on("f-until", "until", true);
    $("f-reset").addEventListener("click", () => {
      for (const k of Object.keys(state)) state[k] = "";
      for (const id of ["f-type", "f-country", "f-actor", "f-since", "f-until", "f-text"]) $(id).value = "";
      map.svg.transition().duration(300).call(map.zoom.transform, d3.zoomIdentity);
      loadAll();
    });
    $("panel-close").addEventListener("click", closeEvent);
    document.addEventListener("keydown", (ev) => { if (ev.key === "Escape") closeEvent(); });
  }

  async function start() {
    try {
      view.vocabulary = await getJson("/api/vocabulary");
    } catch (err) {
      showError(err.message);
      return;
    }
    view.maxPage = Math.min(2000, view.vocabulary.max_page);
    const palette = [...d3.schemeTableau10, "#1b9e77", "#d95f02", "#7570b3", "#66a61e", "#e6ab02", "#a6761d", "#386cb0", "#f0027f"];
    view.color = d3.scaleOrdinal(view.vocabulary.types, palette);
    fillSelect($("f-type"), view.vocabulary.types);
    fillSelect($("f-actor"), view.vocabulary.actor_kinds);
    drawLegend();
    wireFilters();
    await drawMap();
    await loadAll();
    document.body.dataset.ready = "1";
  }

  document.addEventListener("DOMContentLoaded", start);
})();
