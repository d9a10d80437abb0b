import type { Lang } from '../catalog/manifest_types';
import { t } from '../i18n/i18n';
import { h } from './dom';

// Attribute values come from files anyone can make: one cell can hold megabytes. Laying out a
// 50 MB text node froze the page for 16 s when a popup showed it, so every place that shows
// attribute values (popups, tables, legends, pickers) shows at most MAX_SHOWN_CHARS of one,
// with an ellipsis, and — where there is room for a button — a "Copy" control for the whole
// value. Values are only ever text (textContent), never HTML.

/** Characters of one value shown on screen; the rest is behind the copy button. */
export const MAX_SHOWN_CHARS = 300;
/** Characters of one message (it may quote values, list columns or unmatched rows). */
export const MAX_MESSAGE_CHARS = 2000;

export interface ShortText {
  /** What to show: the value, or its first characters and "…". */
  readonly text: string;
  readonly truncated: boolean;
}

/** The first `max` characters and an ellipsis, never splitting a surrogate pair (an emoji, 𝔸). */
export function truncateText(s: string, max = MAX_SHOWN_CHARS): ShortText {
  if (s.length <= max) return { text: s, truncated: false };
  let end = max;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1; // a high surrogate whose pair would be cut off
  return { text: `${s.slice(0, end)}…`, truncated: true };
}

/** Just the text to show, for places without room for a copy button (options, legend items). */
export function shortText(s: string, max = MAX_SHOWN_CHARS): string {
  return truncateText(s, max).text;
}

type ClipboardLike = Pick<Clipboard, 'writeText'>;

/**
 * Puts text on the clipboard: the Clipboard API where the page may use it (a secure context,
 * as 127.0.0.1 and https are), else the old select-and-copy on an off-screen text area.
 */
export async function copyText(text: string, doc: Document = document, clipboard: ClipboardLike | undefined = doc.defaultView?.navigator.clipboard): Promise<boolean> {
  if (clipboard) {
    try {
      await clipboard.writeText(text);
      return true;
    } catch {
      // denied (no user gesture, permissions policy): try the fallback
    }
  }
  const area = doc.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'long-value__scratch';
  doc.body.append(area);
  try {
    area.select();
    return typeof doc.execCommand === 'function' && doc.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

export interface LongValueOptions {
  readonly max?: number;
  /** Where the copy goes (tests); default the page's clipboard. */
  readonly clipboard?: ClipboardLike;
}

/**
 * The "Copy" control for a value that is shown cut short: a button that puts the whole value
 * on the clipboard and a status that says whether it worked. `null` when the value is short.
 */
export function copyControl(value: string, lang: Lang, options: LongValueOptions = {}): HTMLElement | null {
  if (!truncateText(value, options.max).truncated) return null;
  const label = t(lang, 'longValue.copyLabel', { count: value.length });
  const button = h('button', { type: 'button', class: 'long-value__copy', 'aria-label': label, title: label, text: t(lang, 'longValue.copy') });
  const status = h('span', { class: 'long-value__status', role: 'status' });
  button.addEventListener('click', (e) => {
    // inside a table row or a popup, the copy is not also a click on the row
    e.stopPropagation();
    void copyText(value, button.ownerDocument, options.clipboard ?? button.ownerDocument.defaultView?.navigator.clipboard).then((ok) => {
      status.textContent = t(lang, ok ? 'longValue.copied' : 'longValue.copyFailed');
    });
  });
  return h('span', { class: 'long-value__tools' }, ' ', button, ' ', status);
}

/** A value as a span of text: whole when short; else its beginning, an ellipsis and `copyControl`. */
export function longValue(value: string, lang: Lang, options: LongValueOptions = {}): HTMLElement {
  const { text, truncated } = truncateText(value, options.max);
  const shown = h('span', { class: 'long-value__text', text });
  if (!truncated) return h('span', { class: 'long-value' }, shown);
  shown.title = t(lang, 'longValue.truncated', { count: value.length });
  return h('span', { class: 'long-value long-value--truncated', 'data-length': value.length }, shown, copyControl(value, lang, options));
}
