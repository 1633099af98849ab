// DOM helpers. Every string from the API is untrusted article text: it only ever becomes a
// text node (createTextNode / textContent) or a plain attribute value, never HTML.
"use strict";

const SVG_NS = "http://www.w3.org/2000/svg";

export const TYPE_COLORS = {
  "Battles": "#c62828",
  "Explosions/Remote violence": "#ef6c00",
  "Violence against civilians": "#6a1b9a",
  "Protests": "#2e7d32",
  "Riots": "#ad1457",
  "Strategic developments": "#1565c0",
};
export const OTHER_COLOR = "#607d8b";

export const TAXONOMY = {
  "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
  "Explosions/Remote violence": ["Chemical weapon", "Air/drone strike", "Suicide bomb",
    "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"],
  "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
  "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
  "Riots": ["Violent demonstration", "Mob violence"],
  "Strategic developments": ["Agreement", "Arrests", "Change to group/activity",
    "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction",
    "Non-violent transfer of territory", "Other"],
};

export function typeColor(type) {
  return Object.prototype.hasOwnProperty.call(TYPE_COLORS, type) ? TYPE_COLORS[type] : OTHER_COLOR;
}

function setAttrs(node, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    // Event-handler attributes are never set from here, whatever the caller passes.
    if (/^on/i.test(name)) throw new Error("refusing event-handler attribute " + name);
    if (name === "class") node.setAttribute("class", value);
    else if (name === "dataset") Object.assign(node.dataset, value);
    else node.setAttribute(name, String(value));
  }
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else if (child instanceof Node) node.appendChild(child);
    else node.appendChild(document.createTextNode(String(child)));
  }
}

/** An HTML element; string children become text nodes. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

/** An SVG element; string children become text nodes. */
export function svgEl(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** A link only for http(s) URLs; anything else (javascript:, data:) is shown as text. */
export function safeLink(url, label) {
  if (typeof url !== "string" || !url) return null;
  let parsed;
  try {
    parsed = new URL(url);
  } catch (_err) {
    return el("span", { class: "url" }, url);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    return el("span", { class: "url" }, url);
  }
  return el("a", { href: parsed.href, rel: "noopener noreferrer nofollow", target: "_blank",
    class: "url" }, label || url);
}

export function fmtNumber(n) {
  return n === null || n === undefined ? "—" : Number(n).toLocaleString("en-US");
}

export function dash(value) {
  return value === null || value === undefined || value === "" ? "—" : String(value);
}
