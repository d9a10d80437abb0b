import { isColor } from '../catalog/intake_limits';

// Tiny element builder. It only ever sets textContent, never innerHTML, so data can't
// inject markup into the UI.

type Attrs = Record<string, string | number | boolean | undefined>;
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else if (k === 'text') el.textContent = String(v);
    // through CSSOM, not a style attribute: the Content-Security-Policy has no 'unsafe-inline'
    else if (k === 'style') el.style.cssText = String(v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  }
  return el;
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/**
 * A colour swatch. The colour is set through the CSSOM property, never a style string, and
 * only when it is a colour by the manifest's grammar (catalog/intake_limits.isColor), so a
 * value like `red;background-image:url(…)` can neither add a declaration nor fetch a URL.
 */
export function swatch(className: string, color: string | undefined): HTMLSpanElement {
  const el = h('span', { class: className, 'aria-hidden': 'true' });
  if (isColor(color)) el.style.backgroundColor = color.trim();
  return el;
}
