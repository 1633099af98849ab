// The dashboard: filters in the page's query string, the selected event and document in its hash.
"use strict";

import { clear, el, TAXONOMY, TYPE_COLORS } from "./dom.js";
import { EventMap } from "./map.js";
import { drawTimeline } from "./timeline.js";
import { EventTable } from "./table.js";
import { renderDocument, renderEvent, renderSummary } from "./detail.js";

const FILTERS = ["since", "until", "event_type", "sub_event_type", "country", "admin1", "actor", "q", "bbox"];
const PAGE_SIZE = 1000;
const MAX_EVENTS = 3000; // what one dashboard view loads; narrow the filters for the rest

const $ = (id) => document.getElementById(id);
const form = $("filters");
const status = $("status");
let events = [];
let loadToken = 0;
let loadedSearch = null;

const map = new EventMap($("map"), (id) => navigate({ event: id }));
const table = new EventTable($("events-table"),
  { prev: $("prev-page"), next: $("next-page"), info: $("page-info") }, (id) => navigate({ event: id }));

function currentFilters() {
  const params = new URLSearchParams(location.search);
  const out = {};
  for (const name of FILTERS) {
    const v = params.get(name);
    if (v) out[name] = v;
  }
  return out;
}

function fillForm(filters) {
  for (const name of FILTERS) form.elements[name].value = filters[name] || "";
  fillSubTypes(filters.sub_event_type || "");
}

function fillSubTypes(selected) {
  const select = form.elements.sub_event_type;
  const type = form.elements.event_type.value;
  clear(select);
  select.appendChild(el("option", { value: "" }, "any"));
  const subs = type ? TAXONOMY[type] || [] : Object.values(TAXONOMY).flat();
  for (const s of subs) select.appendChild(el("option", { value: s }, s));
  select.value = subs.includes(selected) ? selected : "";
}

function setFilters(filters) {
  const params = new URLSearchParams();
  for (const name of FILTERS) if (filters[name]) params.set(name, filters[name]);
  const query = params.toString();
  history.pushState(null, "", (query ? "?" + query : location.pathname) + location.hash);
  load();
}

async function getJSON(url) {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const detail = typeof body.detail === "string" ? body.detail : response.statusText;
    throw new Error(`${response.status}: ${detail}`);
  }
  return body;
}

async function fetchEvents(filters) {
  const all = [];
  let total = 0;
  for (let offset = 0; offset < MAX_EVENTS; offset += PAGE_SIZE) {
    const params = new URLSearchParams({ ...filters, limit: String(PAGE_SIZE), offset: String(offset) });
    const page = await getJSON("/api/events?" + params.toString());
    total = page.total;
    all.push(...page.events);
    if (all.length >= total || page.events.length < PAGE_SIZE) break;
  }
  return { total, events: all };
}

async function load() {
  const token = ++loadToken;
  loadedSearch = location.search;
  const filters = currentFilters();
  fillForm(filters);
  status.textContent = "Loading…";
  status.classList.remove("error");
  try {
    const result = await fetchEvents(filters);
    if (token !== loadToken) return; // a newer request won
    events = result.events;
    const shown = events.length < result.total
      ? `${events.length.toLocaleString("en-US")} of ${result.total.toLocaleString("en-US")} events (narrow the filters to see the rest)`
      : `${result.total.toLocaleString("en-US")} events`;
    const deaths = events.reduce((n, e) => n + (e.fatalities || 0), 0);
    status.textContent = `${shown} · ${deaths.toLocaleString("en-US")} fatalities`;
    fillCountries(events);
    const placed = await map.render(events);
    $("map-note").textContent = placed.unlocated
      ? `${placed.unlocated} event(s) not located beyond the country are not drawn` : "";
    drawTimeline($("timeline-events"), $("timeline-fatalities"), events,
      (day) => setFilters({ ...currentFilters(), since: day, until: day }));
    table.setEvents(events);
    $("table-note").textContent = `${events.length.toLocaleString("en-US")} rows · click a header to sort`;
    route();
  } catch (err) {
    if (token !== loadToken) return;
    status.textContent = "Could not load events: " + err.message;
    status.classList.add("error");
  }
}

function fillCountries(list) {
  const datalist = $("countries");
  clear(datalist);
  const names = [...new Set(list.map((e) => e.country).filter(Boolean))].sort();
  for (const name of names) datalist.appendChild(el("option", { value: name }));
}

function fillLegend() {
  const legend = $("legend");
  for (const [type, color] of Object.entries(TYPE_COLORS)) {
    const swatch = el("span", { class: "swatch" });
    swatch.style.backgroundColor = color;
    const item = el("li", null, el("button", { type: "button", "data-type": type }, swatch, type));
    item.firstChild.addEventListener("click", () => setFilters({ ...currentFilters(), event_type: type, sub_event_type: "" }));
    legend.appendChild(item);
  }
  legend.appendChild(el("li", { class: "size-note" }, "circle area ∝ fatalities"));
}

// --- routing: #event=ID, #event=ID&doc=DOC_ID&src=N -------------------------------------------

function navigate(parts) {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(parts)) if (v !== null && v !== undefined) params.set(k, v);
  location.hash = params.toString();
}

let routed = "";

async function route() {
  const hash = location.hash.replace(/^#/, "");
  if (hash === routed && document.querySelector("#event-view article")) return;
  routed = hash;
  const params = new URLSearchParams(hash);
  const eventId = params.get("event");
  const docId = params.get("doc");
  const docView = $("doc-view");
  if (!eventId) {
    docView.hidden = true;
    map.select(null);
    table.select(null);
    renderSummary($("event-view"), events);
    return;
  }
  map.select(eventId);
  table.select(eventId);
  try {
    const event = await getJSON("/api/events/" + encodeURIComponent(eventId));
    renderEvent($("event-view"), event, (doc, id, src) => navigate({ event: id, doc, src }));
    if (!docId) {
      docView.hidden = true;
      $("event-view").scrollIntoView({ block: "nearest" });
      return;
    }
    const doc = await getJSON("/api/documents/" + encodeURIComponent(docId));
    const sources = (event.sources || []).filter((s) => s.doc_id === docId);
    const index = Number(params.get("src"));
    const chosen = Number.isInteger(index) && event.sources && event.sources[index]
      && event.sources[index].doc_id === docId ? [event.sources[index]] : sources;
    const spans = chosen.flatMap((s) => s.evidence || []);
    renderDocument(docView, doc, spans, () => navigate({ event: eventId }));
  } catch (err) {
    clear($("event-view")).appendChild(el("p", { class: "error" }, "Could not open: " + err.message));
  }
}

// --- wiring -------------------------------------------------------------------------------------

function init() {
  const typeSelect = form.elements.event_type;
  for (const type of Object.keys(TAXONOMY)) typeSelect.appendChild(el("option", { value: type }, type));
  typeSelect.addEventListener("change", () => fillSubTypes(""));
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const filters = {};
    for (const name of FILTERS) {
      const v = String(form.elements[name].value || "").trim();
      if (v) filters[name] = v;
    }
    setFilters(filters);
  });
  $("table-filter").addEventListener("input", (ev) => table.filter(ev.target.value));
  $("reset").addEventListener("click", (ev) => {
    ev.preventDefault();
    $("table-filter").value = "";
    table.needle = "";
    setFilters({});
  });
  $("use-map-view").addEventListener("click", () => setFilters({ ...currentFilters(), bbox: map.bbox() }));
  $("zoom-in").addEventListener("click", () => map.zoom(0.67));
  $("zoom-out").addEventListener("click", () => map.zoom(1.5));
  $("zoom-fit").addEventListener("click", () => map.fitTo(map.located || []));
  window.addEventListener("hashchange", route);
  // popstate also fires on hash changes; only a changed query string means new filters.
  window.addEventListener("popstate", () => { if (location.search !== loadedSearch) load(); });
  let resizeTimer = null;
  window.addEventListener("resize", () => {
    clearTimeout(resizeTimer);
    resizeTimer = setTimeout(() => {
      map.applyView();
      drawTimeline($("timeline-events"), $("timeline-fatalities"), events,
        (day) => setFilters({ ...currentFilters(), since: day, until: day }));
    }, 150);
  });
  fillLegend();
  load();
}

init();
