// The event map: country outlines (world-atlas, bundled) in an equirectangular projection
// corrected for the latitude of the view, points sized by fatalities and coloured by type.
"use strict";

import { clear, svgEl, typeColor } from "./dom.js";

const OUTLINES_URL = "/static/vendor/world-atlas/countries-50m.json";
const MIN_SPAN = 6; // degrees: never zoom tighter than this on fit
const MAX_ZOOM_SPAN = 0.05;

let outlines = null;

async function loadOutlines() {
  if (outlines !== null) return outlines;
  const response = await fetch(OUTLINES_URL);
  const topology = await response.json();
  // topojson-client is loaded as a plain script before this module.
  outlines = window.topojson.feature(topology, topology.objects.countries).features;
  return outlines;
}

// Rings are drawn in planar lon/lat; a ring that jumps across 180° (Russia, Fiji) is unwrapped
// so it continues past the edge instead of striping across the whole map.
function ringPath(ring, project) {
  let d = "";
  let prev = null;
  for (const [lon0, lat] of ring) {
    let lon = lon0;
    if (prev !== null) {
      while (lon - prev > 180) lon -= 360;
      while (prev - lon > 180) lon += 360;
    }
    prev = lon;
    const [x, y] = project(lon, lat);
    d += (d ? "L" : "M") + x.toFixed(3) + "," + y.toFixed(3);
  }
  return d + "Z";
}

function geometryPath(geometry, project) {
  if (!geometry) return "";
  const polygons = geometry.type === "Polygon" ? [geometry.coordinates]
    : geometry.type === "MultiPolygon" ? geometry.coordinates : [];
  return polygons.map((poly) => poly.map((ring) => ringPath(ring, project)).join("")).join("");
}

export class EventMap {
  constructor(svg, onSelect) {
    this.svg = svg;
    this.onSelect = onSelect;
    this.k = 1; // x scale, cos(latitude of the view's centre)
    this.view = { x: -180, y: -85, w: 360, h: 170 };
    this.points = [];
    this.selected = null;
    this.drag = null;
    this.bindInteractions();
  }

  project(lon, lat) {
    return [lon * this.k, -lat];
  }

  unproject(x, y) {
    return [x / this.k, -y];
  }

  async render(events) {
    const features = await loadOutlines();
    const located = events.filter((e) => e.latitude !== null && e.longitude !== null
      && e.latitude !== undefined && e.longitude !== undefined);
    this.located = located;
    this.fitTo(located, false);
    clear(this.svg);
    const project = (lon, lat) => this.project(lon, lat);
    const land = svgEl("g", { class: "countries" });
    for (const f of features) {
      const name = (f.properties && f.properties.name) || "";
      land.appendChild(svgEl("path", { d: geometryPath(f.geometry, project), class: "country" },
        svgEl("title", null, name)));
    }
    this.svg.appendChild(land);
    this.pointLayer = svgEl("g", { class: "points" });
    // Largest first, so small events stay clickable on top of big ones.
    const ordered = located.slice().sort((a, b) => (b.fatalities || 0) - (a.fatalities || 0));
    this.points = ordered.map((e) => this.makePoint(e));
    this.svg.appendChild(this.pointLayer);
    this.applyView();
    return { located: located.length, unlocated: events.length - located.length };
  }

  makePoint(event) {
    const [x, y] = this.project(event.longitude, event.latitude);
    const label = [event.event_date || "undated", event.event_type, event.location || event.country,
      "fatalities " + (event.fatalities || 0)].join(" · ");
    const circle = svgEl("circle", {
      cx: x, cy: y, r: 1, fill: typeColor(event.event_type), class: "point", tabindex: "0",
      "data-event-id": event.event_id, role: "button", "aria-label": label,
    }, svgEl("title", null, label));
    circle.addEventListener("click", (ev) => { ev.stopPropagation(); this.onSelect(event.event_id); });
    circle.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") this.onSelect(event.event_id);
    });
    this.pointLayer.appendChild(circle);
    return { circle, event };
  }

  fitTo(located, apply = true) {
    let west = 180, east = -180, south = 90, north = -90;
    for (const e of located) {
      west = Math.min(west, e.longitude); east = Math.max(east, e.longitude);
      south = Math.min(south, e.latitude); north = Math.max(north, e.latitude);
    }
    if (!located.length) { west = -170; east = 190; south = -60; north = 80; }
    const pad = (v) => Math.max(v * 0.2, 1);
    let lonSpan = Math.max(east - west + 2 * pad(east - west), MIN_SPAN);
    let latSpan = Math.max(north - south + 2 * pad(north - south), MIN_SPAN * 0.6);
    const cLon = (west + east) / 2, cLat = (south + north) / 2;
    this.k = Math.max(Math.cos((cLat * Math.PI) / 180), 0.2);
    const aspect = this.aspect();
    // Grow the shorter side so the box matches the drawing area's shape.
    if (lonSpan * this.k / latSpan < aspect) lonSpan = latSpan * aspect / this.k;
    else latSpan = lonSpan * this.k / aspect;
    const [x, y] = this.project(cLon - lonSpan / 2, cLat + latSpan / 2);
    this.view = { x, y, w: lonSpan * this.k, h: latSpan };
    if (apply) this.applyView();
  }

  aspect() {
    const box = this.svg.getBoundingClientRect();
    return box.width > 0 && box.height > 0 ? box.width / box.height : 1.8;
  }

  applyView() {
    const v = this.view;
    this.svg.setAttribute("viewBox", [v.x, v.y, v.w, v.h].map((n) => n.toFixed(4)).join(" "));
    const box = this.svg.getBoundingClientRect();
    const unit = box.width > 0 ? v.w / box.width : v.w / 800; // map units per screen pixel
    for (const { circle, event } of this.points) {
      const px = 4 + 3 * Math.sqrt(Math.max(event.fatalities || 0, 0));
      circle.setAttribute("r", (Math.min(px, 40) * unit).toFixed(5));
      circle.setAttribute("stroke-width", (unit * (event.event_id === this.selected ? 2.5 : 0.8)).toFixed(5));
      circle.classList.toggle("selected", event.event_id === this.selected);
    }
  }

  select(eventId) {
    this.selected = eventId;
    if (this.points.length) this.applyView();
  }

  /** The view as west,south,east,north, clamped to the globe. */
  bbox() {
    const v = this.view;
    const [west, north] = this.unproject(v.x, v.y);
    const [east, south] = this.unproject(v.x + v.w, v.y + v.h);
    const c = (n, lo, hi) => Math.min(Math.max(n, lo), hi).toFixed(4);
    return [c(west, -180, 180), c(south, -90, 90), c(east, -180, 180), c(north, -90, 90)].join(",");
  }

  zoom(factor, cx, cy) {
    const v = this.view;
    if (factor < 1 && v.w * factor < MAX_ZOOM_SPAN) return;
    const px = cx === undefined ? v.x + v.w / 2 : cx;
    const py = cy === undefined ? v.y + v.h / 2 : cy;
    this.view = { x: px - (px - v.x) * factor, y: py - (py - v.y) * factor, w: v.w * factor,
      h: v.h * factor };
    this.applyView();
  }

  toMap(ev) {
    const box = this.svg.getBoundingClientRect();
    const v = this.view;
    return [v.x + ((ev.clientX - box.left) / box.width) * v.w,
      v.y + ((ev.clientY - box.top) / box.height) * v.h];
  }

  bindInteractions() {
    this.svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const [x, y] = this.toMap(ev);
      this.zoom(ev.deltaY > 0 ? 1.25 : 0.8, x, y);
    }, { passive: false });
    this.svg.addEventListener("pointerdown", (ev) => {
      if (ev.target.classList && ev.target.classList.contains("point")) return;
      this.drag = { x: ev.clientX, y: ev.clientY, view: { ...this.view } };
      this.svg.setPointerCapture(ev.pointerId);
    });
    this.svg.addEventListener("pointermove", (ev) => {
      if (!this.drag) return;
      const box = this.svg.getBoundingClientRect();
      const d = this.drag;
      this.view = { ...d.view, x: d.view.x - ((ev.clientX - d.x) / box.width) * d.view.w,
        y: d.view.y - ((ev.clientY - d.y) / box.height) * d.view.h };
      this.applyView();
    });
    const stop = () => { this.drag = null; };
    this.svg.addEventListener("pointerup", stop);
    this.svg.addEventListener("pointercancel", stop);
  }
}
