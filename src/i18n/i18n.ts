import type { Lang, Localized } from './lang';
import { en, vi, type StringKey } from './strings';

export type { Lang, StringKey };

export const LANGS: readonly Lang[] = ['vi', 'en'];
export const DEFAULT_LANG: Lang = 'vi';

const TABLES: Record<Lang, Record<StringKey, string>> = { vi, en };

export type Params = Record<string, string | number>;

/** A message kept as key + params, so it re-renders when the language changes. */
export interface Message {
  key: StringKey;
  params?: Params;
}

export function t(lang: Lang, key: StringKey, params: Params = {}): string {
  const template = TABLES[lang][key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? formatNumber(v, lang) : v;
  });
}

/** Params may hold nested messages (e.g. a reason inside an error); resolve them first. */
export function renderMessage(lang: Lang, msg: Message, nested: Record<string, Message> = {}): string {
  const params: Params = { ...msg.params };
  for (const [k, m] of Object.entries(nested)) params[k] = renderMessage(lang, m);
  return t(lang, msg.key, params);
}

export function localize(text: Localized | undefined, lang: Lang): string {
  if (text === undefined) return '';
  return typeof text === 'string' ? text : text[lang];
}

const LOCALE: Record<Lang, string> = { vi: 'vi-VN', en: 'en-GB' };
const numberFormats = new Map<string, Intl.NumberFormat>();

/** Vietnamese style 1.234,5 in Vietnamese, 1,234.5 in English. */
export function formatNumber(value: number, lang: Lang, maxDigits = 2, minDigits = 0): string {
  const key = `${lang}:${minDigits}:${maxDigits}`;
  let fmt = numberFormats.get(key);
  if (!fmt) {
    fmt = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: minDigits, maximumFractionDigits: maxDigits });
    numberFormats.set(key, fmt);
  }
  return fmt.format(value);
}

export function isLang(v: unknown): v is Lang {
  return v === 'vi' || v === 'en';
}
