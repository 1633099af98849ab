// The event view (every source with its claims) and the document view (evidence highlighted).
"use strict";

import { clear, dash, el, fmtNumber, safeLink, typeColor } from "./dom.js";

/** UTF-16 index of each code-point offset: the API counts code points, JS strings count units. */
export function codePointIndex(text) {
  if (!/[\uD800-\uDFFF]/.test(text)) return (cp) => cp;
  const units = [0];
  let u = 0;
  for (const ch of text) { u += ch.length; units.push(u); }
  return (cp) => units[Math.min(Math.max(cp, 0), units.length - 1)];
}

/** Sorted, merged [start, end) UTF-16 ranges for the spans that fit the text. */
function ranges(text, spans) {
  const toUnit = codePointIndex(text);
  const out = spans
    .filter((s) => Number.isInteger(s.start) && Number.isInteger(s.end) && s.end > s.start)
    .map((s) => [toUnit(s.start), toUnit(s.end)])
    .filter(([a, b]) => b <= text.length && a < b)
    .sort((p, q) => p[0] - q[0]);
  const merged = [];
  for (const r of out) {
    const lastRange = merged[merged.length - 1];
    if (lastRange && r[0] <= lastRange[1]) lastRange[1] = Math.max(lastRange[1], r[1]);
    else merged.push(r.slice());
  }
  return merged;
}

/** The text as text nodes, with each evidence span in a <mark>. */
export function highlighted(text, spans) {
  const box = el("div", { class: "doc-text", tabindex: "0" });
  let at = 0;
  for (const [a, b] of ranges(text, spans)) {
    if (a > at) box.appendChild(document.createTextNode(text.slice(at, a)));
    box.appendChild(el("mark", { class: "evidence" }, text.slice(a, b)));
    at = b;
  }
  if (at < text.length) box.appendChild(document.createTextNode(text.slice(at)));
  return box;
}

function fact(label, ...value) {
  return [el("dt", null, label), el("dd", null, ...value)];
}

function certaintyBadge(certainty) {
  return el("span", { class: "badge certainty-" + (certainty || "unknown") }, dash(certainty));
}

function attributionChain(list) {
  return list && list.length ? list.join(" › ") : "—";
}

function sourceCard(event, source, index, onOpen) {
  const claimed = source.fatalities === null || source.fatalities === undefined
    ? "no toll given" : fmtNumber(source.fatalities);
  const open = el("button", { type: "button", class: "open-doc", "data-doc-id": source.doc_id },
    "Open document");
  open.addEventListener("click", () => onOpen(source.doc_id, event.event_id, index));
  const quotes = (source.evidence || []).map((s) => el("blockquote", { class: "quote" }, s.text));
  return el("li", { class: "source", "data-doc-id": source.doc_id },
    el("div", { class: "source-head" },
      el("strong", { class: "outlet" }, dash(source.source)), " ",
      el("span", { class: "muted" }, dash(source.published))),
    el("dl", { class: "facts compact" },
      fact("Fatalities claimed", claimed),
      fact("Injuries claimed", fmtNumber(source.injuries)),
      fact("Certainty", certaintyBadge(source.certainty)),
      fact("Attribution", attributionChain(source.attribution)),
      fact("Document", el("code", null, source.doc_id)),
      source.url ? fact("URL", safeLink(source.url)) : null),
    quotes, open);
}

export function renderEvent(container, event, onOpen) {
  clear(container);
  const swatch = el("span", { class: "swatch" });
  swatch.style.backgroundColor = typeColor(event.event_type);
  const place = [event.location, event.admin2, event.admin1, event.country].filter(Boolean)
    .filter((v, i, a) => a.indexOf(v) === i).join(", ");
  const coords = event.latitude === null || event.latitude === undefined ? "not located"
    : `${Number(event.latitude).toFixed(4)}, ${Number(event.longitude).toFixed(4)}`
      + (event.geo_precision ? ` (precision ${event.geo_precision})` : "");
  const weapons = (event.weapons || []).map((w) => (w.count ? `${w.count} × ` : "") + w.type).join("; ");
  const sources = event.sources || [];
  container.appendChild(el("article", { class: "event", "data-event-id": event.event_id },
    el("h2", null, swatch, dash(event.event_type)),
    el("p", { class: "subtype" }, dash(event.sub_event_type), " · ", dash(event.disorder_type)),
    el("p", { class: "notes" }, dash(event.notes)),
    el("dl", { class: "facts" },
      fact("Date", dash(event.event_date),
        event.time_precision ? ` (precision ${event.time_precision})` : ""),
      fact("Place", place || "—", event.location_text ? ` — “${event.location_text}”` : ""),
      fact("Coordinates", coords),
      fact("Actor 1", dash(event.actor1), event.assoc_actor_1 ? ` with ${event.assoc_actor_1}` : ""),
      fact("Actor 2", dash(event.actor2), event.assoc_actor_2 ? ` with ${event.assoc_actor_2}` : ""),
      fact("Fatalities", fmtNumber(event.fatalities),
        event.fatalities_max && event.fatalities_max !== event.fatalities
          ? ` (highest claim ${fmtNumber(event.fatalities_max)})` : ""),
      fact("Injuries", fmtNumber(event.injuries)),
      weapons ? fact("Weapons", weapons) : null,
      fact("Certainty", certaintyBadge(event.certainty)),
      fact("Attribution", attributionChain(event.attribution)),
      event.tags ? fact("Tags", event.tags) : null,
      fact("Event id", el("code", null, event.event_id))),
    el("h3", null, `Sources (${sources.length})`),
    el("ol", { class: "sources" }, sources.map((s, i) => sourceCard(event, s, i, onOpen)))));
}

export function renderDocument(container, doc, spans, onClose) {
  clear(container);
  const close = el("button", { type: "button", class: "close-doc" }, "Close document");
  close.addEventListener("click", onClose);
  container.appendChild(el("article", { class: "document", "data-doc-id": doc.doc_id },
    el("div", { class: "doc-head" }, el("h2", { class: "doc-title" }, doc.title || doc.doc_id), close),
    el("p", { class: "muted" }, [dash(doc.source), dash(doc.published)].join(" · "), " · ",
      el("code", null, doc.doc_id)),
    doc.url ? el("p", null, safeLink(doc.url)) : null,
    el("p", { class: "note" }, spans.length
      ? `${spans.length} evidence span(s) highlighted` : "no evidence spans for this event"),
    highlighted(doc.text || "", spans)));
  container.hidden = false;
  const first = container.querySelector("mark");
  if (first) first.scrollIntoView({ block: "center" });
}

function countBy(events, key) {
  const out = new Map();
  for (const e of events) {
    const k = key(e);
    if (!k) continue;
    const cell = out.get(k) || { n: 0, f: 0 };
    cell.n += 1;
    cell.f += e.fatalities || 0;
    out.set(k, cell);
  }
  return [...out.entries()].sort((a, b) => b[1].n - a[1].n || String(a[0]).localeCompare(String(b[0])));
}

function summaryTable(title, rows, withSwatch) {
  return [el("h3", null, title), el("table", { class: "summary" },
    el("thead", null, el("tr", null, el("th", null, ""), el("th", { class: "num" }, "Events"),
      el("th", { class: "num" }, "Fatalities"))),
    el("tbody", null, rows.map(([name, cell]) => {
      const label = el("td", null);
      if (withSwatch) {
        const swatch = el("span", { class: "swatch" });
        swatch.style.backgroundColor = typeColor(name);
        label.appendChild(swatch);
      }
      label.appendChild(document.createTextNode(name));
      return el("tr", null, label, el("td", { class: "num" }, fmtNumber(cell.n)),
        el("td", { class: "num" }, fmtNumber(cell.f)));
    })))];
}

/** What the loaded events add up to, shown until an event is selected. */
export function renderSummary(container, events) {
  clear(container);
  const place = (e) => [e.admin1, e.country].filter(Boolean).join(", ") || null;
  const sources = events.reduce((n, e) => n + (e.n_sources || (e.sources || []).length), 0);
  container.appendChild(el("div", { class: "summary-view" },
    el("h2", null, "Overview"),
    el("p", { class: "placeholder" },
      "Select an event on the map or in the table to see every source that reported it, "
      + "with its figures, certainty and attribution."),
    el("p", null, `${fmtNumber(events.length)} events from ${fmtNumber(sources)} source reports.`),
    summaryTable("By event type", countBy(events, (e) => e.event_type), true),
    summaryTable("Most reported places", countBy(events, place).slice(0, 8), false)));
}
