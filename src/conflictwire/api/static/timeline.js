// Stacked bars per day by event type: one chart of event counts, one of fatalities.
"use strict";

import { clear, svgEl, typeColor } from "./dom.js";

const DAY_MS = 86400000;
const MAX_DAYS = 3660;

function dayIndex(date) {
  return Math.round(Date.parse(date + "T00:00:00Z") / DAY_MS);
}

function isoDay(index) {
  return new Date(index * DAY_MS).toISOString().slice(0, 10);
}

/** {days: [dayIndex...], types: [...], counts: Map(day -> Map(type -> {n, f}))} */
export function perDay(events) {
  const counts = new Map();
  const types = new Set();
  for (const e of events) {
    if (!e.event_date || !/^\d{4}-\d{2}-\d{2}$/.test(e.event_date)) continue;
    const day = dayIndex(e.event_date);
    if (!counts.has(day)) counts.set(day, new Map());
    const byType = counts.get(day);
    const cell = byType.get(e.event_type) || { n: 0, f: 0 };
    cell.n += 1;
    cell.f += e.fatalities || 0;
    byType.set(e.event_type, cell);
    types.add(e.event_type);
  }
  const days = [...counts.keys()].sort((a, b) => a - b);
  return { days, types: [...types].sort(), counts };
}

function niceMax(v) {
  if (v <= 5) return Math.max(v, 1);
  const p = Math.pow(10, Math.floor(Math.log10(v)));
  return Math.ceil(v / p) * p;
}

function drawChart(svg, data, field, onDay) {
  clear(svg);
  const width = Math.max(svg.getBoundingClientRect().width, 300);
  const height = 120;
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  if (!data.days.length) {
    svg.appendChild(svgEl("text", { x: width / 2, y: height / 2, class: "empty" }, "no dated events"));
    return;
  }
  const left = 40, right = 8, top = 8, bottom = 20;
  const first = data.days[0];
  const last = Math.min(data.days[data.days.length - 1], first + MAX_DAYS);
  const nDays = last - first + 1;
  const bw = (width - left - right) / nDays;
  let max = 0;
  for (const byType of data.counts.values()) {
    let sum = 0;
    for (const cell of byType.values()) sum += cell[field];
    max = Math.max(max, sum);
  }
  max = niceMax(max);
  const y = (v) => top + (height - top - bottom) * (1 - v / max);
  svg.appendChild(svgEl("line", { x1: left, x2: width - right, y1: y(0), y2: y(0), class: "axis" }));
  svg.appendChild(svgEl("text", { x: left - 4, y: y(max) + 4, class: "tick end" }, String(max)));
  svg.appendChild(svgEl("text", { x: left - 4, y: y(0), class: "tick end" }, "0"));
  svg.appendChild(svgEl("text", { x: left, y: height - 4, class: "tick" }, isoDay(first)));
  if (last > first) {
    svg.appendChild(svgEl("text", { x: width - right, y: height - 4, class: "tick end" }, isoDay(last)));
  }
  for (const day of data.days) {
    if (day > last) break;
    const x = left + (day - first) * bw;
    let acc = 0;
    const group = svgEl("g", { class: "day", "data-day": isoDay(day) });
    const lines = [isoDay(day)];
    for (const type of data.types) {
      const cell = data.counts.get(day).get(type);
      if (!cell || !cell[field]) continue;
      group.appendChild(svgEl("rect", { x: x + 0.5, width: Math.max(bw - 1, 1), y: y(acc + cell[field]),
        height: y(acc) - y(acc + cell[field]), fill: typeColor(type) }));
      acc += cell[field];
      lines.push(`${type}: ${cell[field]}`);
    }
    // A transparent full-height target keeps thin days clickable.
    group.appendChild(svgEl("rect", { x, width: Math.max(bw, 3), y: top, height: height - top - bottom,
      class: "hit" }, svgEl("title", null, lines.join("\n"))));
    group.addEventListener("click", () => onDay(isoDay(day)));
    svg.appendChild(group);
  }
}

export function drawTimeline(eventsSvg, fatalitiesSvg, events, onDay) {
  const data = perDay(events);
  drawChart(eventsSvg, data, "n", onDay);
  drawChart(fatalitiesSvg, data, "f", onDay);
}
