// The events table: client-side sorting over the loaded events, paged.
"use strict";

import { clear, dash, el, fmtNumber, typeColor } from "./dom.js";

const PAGE = 50;
const COLUMNS = [
  { key: "event_date", label: "Date" },
  { key: "event_type", label: "Type" },
  { key: "sub_event_type", label: "Sub-event" },
  { key: "actor1", label: "Actor 1" },
  { key: "actor2", label: "Actor 2" },
  { key: "location", label: "Location" },
  { key: "admin1", label: "Admin1" },
  { key: "country", label: "Country" },
  { key: "fatalities", label: "Fatalities", numeric: true },
  { key: "n_sources", label: "Sources", numeric: true },
  { key: "certainty", label: "Certainty" },
];

export class EventTable {
  constructor(table, pager, onSelect) {
    this.table = table;
    this.pager = pager;
    this.onSelect = onSelect;
    this.all = [];
    this.events = [];
    this.needle = "";
    this.sort = { key: "event_date", dir: -1 };
    this.page = 0;
    this.selected = null;
    this.renderHead();
    pager.prev.addEventListener("click", () => this.goto(this.page - 1));
    pager.next.addEventListener("click", () => this.goto(this.page + 1));
  }

  renderHead() {
    const row = this.table.tHead.rows[0];
    clear(row);
    for (const col of COLUMNS) {
      const active = this.sort.key === col.key;
      const button = el("button", { type: "button", class: "sort", "data-key": col.key },
        col.label, active ? (this.sort.dir > 0 ? " ▲" : " ▼") : "");
      button.addEventListener("click", () => this.sortBy(col.key));
      row.appendChild(el("th", {
        scope: "col", class: col.numeric ? "num" : null,
        "aria-sort": active ? (this.sort.dir > 0 ? "ascending" : "descending") : "none",
      }, button));
    }
  }

  sortBy(key) {
    this.sort = { key, dir: this.sort.key === key ? -this.sort.dir : (key === "event_date" ? -1 : 1) };
    this.renderHead();
    this.apply();
    this.goto(0);
  }

  setEvents(events) {
    this.all = events.slice();
    this.filter(this.needle);
  }

  /** Keeps the rows whose shown cells contain ``needle`` (case-insensitive). */
  filter(needle) {
    this.needle = needle.trim().toLowerCase();
    const keys = COLUMNS.map((c) => c.key);
    this.events = this.needle ? this.all.filter((e) => keys.some((k) =>
      e[k] !== null && e[k] !== undefined && String(e[k]).toLowerCase().includes(this.needle)))
      : this.all.slice();
    this.apply();
    this.goto(0);
  }

  apply() {
    const { key, dir } = this.sort;
    const numeric = COLUMNS.some((c) => c.key === key && c.numeric);
    const value = (e) => (key === "n_sources" ? (e.n_sources || (e.sources || []).length) : e[key]);
    this.events.sort((a, b) => {
      const va = value(a), vb = value(b);
      if (va === null || va === undefined) return vb === null || vb === undefined ? 0 : 1;
      if (vb === null || vb === undefined) return -1;
      const c = numeric ? va - vb : String(va).localeCompare(String(vb));
      return c * dir || String(a.event_id).localeCompare(String(b.event_id));
    });
  }

  goto(page) {
    const pages = Math.max(Math.ceil(this.events.length / PAGE), 1);
    this.page = Math.min(Math.max(page, 0), pages - 1);
    this.pager.prev.disabled = this.page === 0;
    this.pager.next.disabled = this.page >= pages - 1;
    this.pager.info.textContent = `page ${this.page + 1} of ${pages}`;
    this.renderBody();
  }

  renderBody() {
    const body = this.table.tBodies[0];
    clear(body);
    const rows = this.events.slice(this.page * PAGE, (this.page + 1) * PAGE);
    if (!rows.length) {
      body.appendChild(el("tr", null, el("td", { colspan: COLUMNS.length, class: "empty" },
        "No events match these filters.")));
      return;
    }
    for (const e of rows) body.appendChild(this.row(e));
  }

  row(e) {
    const cells = COLUMNS.map((col) => {
      if (col.key === "event_type") {
        return el("td", null, el("span", { class: "swatch", "data-color": typeColor(e.event_type) }),
          dash(e.event_type));
      }
      if (col.key === "fatalities") return el("td", { class: "num" }, fmtNumber(e.fatalities));
      if (col.key === "n_sources") {
        return el("td", { class: "num" }, fmtNumber(e.n_sources || (e.sources || []).length));
      }
      return el("td", null, dash(e[col.key]));
    });
    const tr = el("tr", { tabindex: "0", "data-event-id": e.event_id,
      class: e.event_id === this.selected ? "selected" : null }, cells);
    for (const swatch of tr.querySelectorAll(".swatch")) {
      swatch.style.backgroundColor = swatch.dataset.color; // CSSOM, allowed by the CSP
    }
    tr.addEventListener("click", () => this.onSelect(e.event_id));
    tr.addEventListener("keydown", (ev) => { if (ev.key === "Enter") this.onSelect(e.event_id); });
    return tr;
  }

  select(eventId) {
    this.selected = eventId;
    for (const tr of this.table.tBodies[0].rows) {
      tr.classList.toggle("selected", tr.dataset.eventId === eventId);
    }
  }
}
