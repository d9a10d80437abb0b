// The limits and value grammars every intake path shares: data-pack manifests, project files
// and the URL hash. One place, so a manifest layer and a project's layer are held to the same
// rules, and the README can list the numbers. Caps are checked before per-item work, so a
// hostile file costs one length check rather than a frozen tab.

/** Layers in one manifest (the Mường Tè pack has about 20). */
export const MAX_MANIFEST_LAYERS = 1000;
/** Groups, boundary sets and tables in one manifest. */
export const MAX_MANIFEST_GROUPS = 200;
export const MAX_MANIFEST_BOUNDARY_SETS = 50;
export const MAX_MANIFEST_TABLES = 200;
/** Categories or classes of one layer style; popup fields, filters, popup value labels. */
export const MAX_STYLE_CLASSES = 256;
export const MAX_POPUP_FIELDS = 100;
export const MAX_LAYER_FILTERS = 50;
export const MAX_VALUE_LABELS = 1000;
/** Imported layers in one project file. */
export const MAX_PROJECT_LAYERS = 200;
/** Features of one layer held in a project file (a 757,576-row CSV is the largest measured). */
export const MAX_PROJECT_FEATURES_PER_LAYER = 2_000_000;
/** Slides in one project file. */
export const MAX_SLIDES = 500;
/** Any one text (titles, notes, field names, URLs) in characters. */
export const MAX_TEXT_LENGTH = 10_000;
/** Nesting of arrays and objects in a manifest or project file (GeoJSON needs about 8). */
export const MAX_JSON_DEPTH = 64;
/** Problems kept for the message; the rest are counted, not listed. */
export const MAX_PROBLEMS = 50;

// Ids become object keys, DOM ids, MapLibre source/layer ids and URL parts, so they are held
// to a plain identifier; the prototype's own names are refused outright.
const SAFE_ID_RE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const RESERVED_IDS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype', 'hasOwnProperty', 'toString', 'valueOf']);

export function isSafeId(v: unknown): v is string {
  return typeof v === 'string' && SAFE_ID_RE.test(v) && !RESERVED_IDS.has(v);
}

// Colours reach swatch styles and MapLibre paint, so only the CSS colour forms themselves pass:
// hex, rgb()/rgba(), hsl()/hsla() with numeric arguments, and named colours. Nothing with
// `;`, `url(`, `var(`, quotes or a second declaration can match.
const N = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?`;
const P = `${N}%?`;
const H = `${N}(?:deg|rad|grad|turn)?`;
const RGB_RE = new RegExp(String.raw`^rgba?\(\s*(?:${P}\s*,\s*${P}\s*,\s*${P}(?:\s*,\s*${P})?|${P}\s+${P}\s+${P}(?:\s*/\s*${P})?)\s*\)$`, 'i');
const HSL_RE = new RegExp(String.raw`^hsla?\(\s*(?:${H}\s*,\s*${P}\s*,\s*${P}(?:\s*,\s*${P})?|${H}\s+${P}\s+${P}(?:\s*/\s*${P})?)\s*\)$`, 'i');
const HEX_RE = /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i;

const NAMED_COLORS: ReadonlySet<string> = new Set(
  ('transparent aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown burlywood ' +
    'cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan darkgoldenrod darkgray darkgreen ' +
    'darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid darkred darksalmon darkseagreen darkslateblue darkslategray ' +
    'darkslategrey darkturquoise darkviolet deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia ' +
    'gainsboro ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki lavender ' +
    'lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow lightgray lightgreen lightgrey lightpink ' +
    'lightsalmon lightseagreen lightskyblue lightslategray lightslategrey lightsteelblue lightyellow lime limegreen linen magenta ' +
    'maroon mediumaquamarine mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise ' +
    'mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab orange orangered orchid ' +
    'palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru pink plum powderblue purple rebeccapurple red ' +
    'rosybrown royalblue saddlebrown salmon seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen ' +
    'steelblue tan teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen').split(' '),
);

export function isColor(v: unknown): v is string {
  if (typeof v !== 'string' || v.length > 64) return false;
  const s = v.trim();
  return HEX_RE.test(s) || RGB_RE.test(s) || HSL_RE.test(s) || NAMED_COLORS.has(s.toLowerCase());
}

/**
 * True when the JSON text nests arrays/objects deeper than `max`. Scans the text before
 * JSON.parse, so a file of a million `[` costs a linear pass, not a deep recursion later.
 */
export function jsonTextTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++depth > max) return true;
    } else if (c === 93 /* ] */ || c === 125 /* } */) depth--;
  }
  return false;
}

/** An empty id-keyed record without a prototype, so no id can reach Object.prototype. */
export function idRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A null-prototype copy of `rec`, optionally with `id` set to `value`. */
export function withId<T>(rec: Readonly<Record<string, T>>, id?: string, value?: T): Record<string, T> {
  const out = Object.assign(idRecord<T>(), rec);
  if (id !== undefined) out[id] = value as T;
  return out;
}
