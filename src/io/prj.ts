// Identify the CRS of an ESRI / OGC WKT `.prj` by its parameters.
//
// Vietnamese shapefiles name their CRS freely ("VN_2000_KT103_3deg", "VN_2000_105do45", …)
// and almost never carry TOWGS84, so names are only used to recognise the datum; the zone
// comes from Central_Meridian / Scale_Factor / False_Easting. A VN-2000 datum always gets
// the official 7-parameter shift from ./crs, whatever the file says.

import {
  VN2000_GEO_ID,
  WEB_MERCATOR_ID,
  WGS84_ID,
  formatMeridian,
  resolveCrs,
  tm3,
  tm6,
  wgs84Utm,
  type CrsDatum,
  type CrsDef,
} from './crs';

export type PrjFailReason =
  | 'empty'
  | 'parse-error'
  | 'unsupported-crs-type'
  | 'unsupported-datum'
  | 'unsupported-prime-meridian'
  | 'unsupported-unit'
  | 'unknown-projection'
  | 'unsupported-parameters';

export type PrjNote =
  /** VN-2000 without TOWGS84 (the usual case): the official shift was applied. */
  | 'towgs84-missing-official-applied'
  /** VN-2000 with a TOWGS84 that differs from the official one: the official one was used. */
  | 'towgs84-nonstandard-official-applied'
  /** Provincial meridians are multiples of 15′; e.g. 105.45 may be a botched 105°45′. */
  | 'central-meridian-unusual';

export type PrjResult =
  | {
      readonly ok: true;
      readonly crsId: string;
      readonly proj: string;
      readonly description: string;
      readonly notes: readonly PrjNote[];
      /** The CRS name written in the file, for display only. */
      readonly wktName: string | undefined;
    }
  | { readonly ok: false; readonly reason: PrjFailReason; readonly details: string };

// ---------------------------------------------------------------- WKT parsing

export interface WktNode {
  readonly keyword: string; // upper-cased
  readonly args: readonly WktArg[];
}
export type WktArg = WktNode | string | number;

const MAX_WKT_LENGTH = 100_000;
const MAX_DEPTH = 32;

/** Parse WKT1 (ESRI or OGC) or WKT2 into a tree; undefined on malformed input. */
export function parseWkt(text: string): WktNode | undefined {
  if (text.length > MAX_WKT_LENGTH) return undefined;
  let i = 0;
  const skipWs = (): void => {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
  };

  const parseNode = (depth: number): WktNode | undefined => {
    if (depth > MAX_DEPTH) return undefined;
    skipWs();
    const kw = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 64));
    if (!kw) return undefined;
    i += kw[0].length;
    skipWs();
    const open = text[i];
    if (open !== '[' && open !== '(') return undefined;
    const close = open === '[' ? ']' : ')';
    i++;
    const args: WktArg[] = [];
    skipWs();
    if (text[i] === close) {
      i++;
      return { keyword: kw[0].toUpperCase(), args };
    }
    for (;;) {
      skipWs();
      const c = text[i];
      if (c === '"') {
        let s = '';
        i++;
        for (;;) {
          if (i >= text.length) return undefined;
          const ch = text[i] ?? '';
          if (ch === '"') {
            if (text[i + 1] === '"') {
              s += '"'; // WKT escapes a quote by doubling it
              i += 2;
              continue;
            }
            i++;
            break;
          }
          s += ch;
          i++;
        }
        args.push(s);
      } else if (c !== undefined && /[-+.\d]/.test(c)) {
        const num = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/.exec(text.slice(i, i + 64));
        if (!num) return undefined;
        args.push(Number(num[0]));
        i += num[0].length;
      } else {
        const save = i;
        const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i, i + 64));
        if (!word) return undefined;
        i += word[0].length;
        skipWs();
        if (text[i] === '[' || text[i] === '(') {
          i = save;
          const child = parseNode(depth + 1);
          if (!child) return undefined;
          args.push(child);
        } else {
          args.push(word[0]); // bare enumeration such as AXIS[..., EAST]
        }
      }
      skipWs();
      if (text[i] === ',') {
        i++;
        continue;
      }
      if (text[i] === close) {
        i++;
        return { keyword: kw[0].toUpperCase(), args };
      }
      return undefined;
    }
  };

  const root = parseNode(0);
  if (!root) return undefined;
  skipWs();
  return i === text.length ? root : undefined;
}

function isNode(a: WktArg | undefined): a is WktNode {
  return typeof a === 'object';
}

function child(node: WktNode | undefined, ...keywords: string[]): WktNode | undefined {
  if (!node) return undefined;
  for (const a of node.args) if (isNode(a) && keywords.includes(a.keyword)) return a;
  return undefined;
}

function children(node: WktNode, ...keywords: string[]): WktNode[] {
  return node.args.filter((a): a is WktNode => isNode(a) && keywords.includes(a.keyword));
}

function str(node: WktNode | undefined, idx = 0): string | undefined {
  const a = node?.args[idx];
  return typeof a === 'string' ? a : undefined;
}

function num(node: WktNode | undefined, idx: number): number | undefined {
  const a = node?.args[idx];
  return typeof a === 'number' && Number.isFinite(a) ? a : undefined;
}

/** Lower-case alphanumerics only: "D_Vietnam_2000" and "Vietnam 2000" compare equal. */
function norm(s: string | undefined): string {
  return (s ?? '').toLowerCase().replace(/[^a-z0-9]/g, '');
}

function near(a: number | undefined, b: number, tol: number): boolean {
  return a !== undefined && Math.abs(a - b) <= tol;
}

// ---------------------------------------------------------------- identification

const PROJECTED = ['PROJCS', 'PROJCRS', 'PROJECTEDCRS'];
const GEOGRAPHIC = ['GEOGCS', 'GEOGCRS', 'GEOGRAPHICCRS', 'GEODCRS', 'GEODETICCRS'];
const BASE_GEOG = ['GEOGCS', 'BASEGEOGCRS', 'BASEGEODCRS'];
const DEGREE_RAD = Math.PI / 180;

// Translation part of the official shift; anything within a few metres is a VN-2000 variant
// (older 3-parameter sets, unflipped rotations) rather than another datum.
const VN_T = [-191.90441429, -39.30318279, -111.45032835] as const;
const OFFICIAL_TOWGS84 = [
  -191.90441429, -39.30318279, -111.45032835, 0.00928836, -0.01975479, 0.00427372, 0.252906278,
];

const WGS84_DATUM_NAMES = new Set([
  'dwgs1984',
  'wgs1984',
  'wgs84',
  'worldgeodeticsystem1984',
  'worldgeodeticsystem1984ensemble',
]);

interface DatumInfo {
  readonly datum: CrsDatum;
  readonly notes: PrjNote[];
  readonly remark: string;
}

type Fail = { ok: false; reason: PrjFailReason; details: string };
const fail = (reason: PrjFailReason, details: string): Fail => ({ ok: false, reason, details });

function classifyDatum(geog: WktNode, boundTowgs84?: number[]): DatumInfo | Fail {
  const datumNode = child(geog, 'DATUM', 'GEODETICDATUM', 'TRF', 'ENSEMBLE');
  const name = str(datumNode);
  const n = norm(name);
  const ell = child(datumNode, 'SPHEROID', 'ELLIPSOID') ?? child(geog, 'ELLIPSOID');
  const a = num(ell, 1);
  const rf = num(ell, 2);
  // GRS 80 differs from WGS 84 by 0.1 mm in the semi-minor axis: treat as the same.
  if (ell && !(near(a, 6378137, 0.5) && near(rf, 298.257223563, 2e-6))) {
    return fail('unsupported-datum', `ellipsoid a=${a ?? '?'} 1/f=${rf ?? '?'} (datum "${name ?? '?'}") is not WGS 84 / VN-2000`);
  }

  const tw = child(datumNode, 'TOWGS84');
  const towgs = tw ? tw.args.filter((x): x is number => typeof x === 'number') : boundTowgs84;
  const towgsZero = towgs !== undefined && towgs.every((v) => v === 0);
  const towgsVn =
    towgs !== undefined && towgs.length >= 3 && VN_T.every((t, k) => near(towgs[k], t, 5));
  const nameVn = n.includes('vietnam2000') || n.includes('vn2000');
  const nameWgs = WGS84_DATUM_NAMES.has(n);

  if (nameVn || towgsVn) {
    const official =
      towgs !== undefined &&
      towgs.length === 7 &&
      OFFICIAL_TOWGS84.every((v, k) => near(towgs[k], v, 1e-6));
    if (!towgs) {
      return {
        datum: 'VN2000',
        notes: ['towgs84-missing-official-applied'],
        remark: 'the file has no TOWGS84; the official VN-2000 shift is applied',
      };
    }
    if (official) return { datum: 'VN2000', notes: [], remark: 'official VN-2000 shift' };
    return {
      datum: 'VN2000',
      notes: ['towgs84-nonstandard-official-applied'],
      remark: `the file's TOWGS84 (${towgs.join(',')}) is not the official one; the official VN-2000 shift is applied instead`,
    };
  }
  if ((nameWgs && (towgs === undefined || towgsZero)) || (!name && towgsZero)) {
    return { datum: 'WGS84', notes: [], remark: 'WGS 84' };
  }
  return fail(
    'unsupported-datum',
    `datum "${name ?? '?'}"${towgs ? ` TOWGS84 ${towgs.join(',')}` : ''} is neither WGS 84 nor VN-2000`,
  );
}

/** Unit factor of a UNIT / ANGLEUNIT / LENGTHUNIT node (index 1), if any. */
function unitFactor(node: WktNode | undefined, ...keywords: string[]): number | undefined {
  return num(child(node, ...keywords), 1);
}

/** WKT2 may put the unit on each AXIS instead of the CRS. */
function axisUnit(node: WktNode, keyword: string): number | undefined {
  for (const ax of children(node, 'AXIS')) {
    const f = unitFactor(ax, keyword);
    if (f !== undefined) return f;
  }
  return undefined;
}

function checkGeog(geog: WktNode): Fail | undefined {
  const pm = child(geog, 'PRIMEM', 'PRIMEMERIDIAN');
  const pmLon = num(pm, 1);
  if (pm && pmLon !== 0) {
    return fail('unsupported-prime-meridian', `prime meridian "${str(pm) ?? '?'}" at ${pmLon ?? '?'}`);
  }
  const ang = unitFactor(geog, 'UNIT', 'ANGLEUNIT') ?? axisUnit(geog, 'ANGLEUNIT');
  if (ang !== undefined && !near(ang, DEGREE_RAD, 1e-12)) {
    return fail('unsupported-unit', `angular unit factor ${ang} is not degrees`);
  }
  return undefined;
}

type ParamKey = 'lon0' | 'lat0' | 'k' | 'fe' | 'fn' | 'sp1' | 'aux';

const PARAM_NAMES: Readonly<Record<string, ParamKey>> = {
  centralmeridian: 'lon0',
  longitudeofcenter: 'lon0',
  longitudeofnaturalorigin: 'lon0',
  longitudeoforigin: 'lon0',
  latitudeoforigin: 'lat0',
  latitudeofnaturalorigin: 'lat0',
  latitudeofcenter: 'lat0',
  scalefactor: 'k',
  scalefactoratnaturalorigin: 'k',
  falseeasting: 'fe',
  falsenorthing: 'fn',
  standardparallel1: 'sp1',
  latitudeof1ststandardparallel: 'sp1',
  auxiliaryspheretype: 'aux',
};

function readParams(holder: WktNode): Partial<Record<ParamKey, number>> {
  const out: Partial<Record<ParamKey, number>> = {};
  for (const p of children(holder, 'PARAMETER')) {
    const key = PARAM_NAMES[norm(str(p))];
    let v = num(p, 1);
    if (!key || v === undefined) continue;
    // WKT2 gives every parameter its own unit; WKT1 uses degrees / metres (checked elsewhere).
    const angle = unitFactor(p, 'ANGLEUNIT');
    const length = unitFactor(p, 'LENGTHUNIT');
    const scale = unitFactor(p, 'SCALEUNIT');
    if (angle !== undefined) v = (v * angle) / DEGREE_RAD;
    else if (length !== undefined) v *= length;
    else if (scale !== undefined) v *= scale;
    out[key] = v;
  }
  return out;
}

function epsgId(node: WktNode | undefined): number | undefined {
  const id = child(node, 'ID', 'AUTHORITY');
  if (!id || norm(str(id)) !== 'epsg') return undefined;
  const code = id.args[1];
  const v = typeof code === 'string' ? Number(code) : code;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

function ok(def: CrsDef, info: DatumInfo, wktName: string | undefined, extraNotes: PrjNote[] = [], extra = ''): PrjResult {
  const from = wktName ? ` (.prj name "${wktName}")` : '';
  const shift = def.datum === 'VN2000' ? `; ${info.remark}` : '';
  return {
    ok: true,
    crsId: def.id,
    proj: def.proj,
    description: `${def.label.en}${from}${shift}${extra}`,
    notes: [...info.notes, ...extraNotes],
    wktName,
  };
}

const TM_METHODS = new Set(['transversemercator', 'gausskruger', 'gausskrueger']);
const WEBMERC_METHODS = new Set([
  'mercatorauxiliarysphere',
  'popularvisualisationpseudomercator',
  'pseudomercator',
]);

function identifyProjected(root: WktNode, wktName: string | undefined, towgs84?: number[]): PrjResult {
  const geog = child(root, ...BASE_GEOG);
  if (!geog) return fail('parse-error', 'projected CRS without a geographic base');
  const bad = checkGeog(geog);
  if (bad) return bad;
  const info = classifyDatum(geog, towgs84);
  if ('ok' in info) return info;

  const linear = unitFactor(root, 'UNIT', 'LENGTHUNIT') ?? axisUnit(root, 'LENGTHUNIT');
  if (linear !== undefined && !near(linear, 1, 1e-12)) {
    return fail('unsupported-unit', `linear unit factor ${linear} is not metres`);
  }

  const conversion = child(root, 'CONVERSION');
  const methodNode = conversion ? child(conversion, 'METHOD') : child(root, 'PROJECTION');
  const method = norm(str(methodNode));
  const methodEpsg = epsgId(methodNode);
  const params = readParams(conversion ?? root);

  const isWebMerc =
    WEBMERC_METHODS.has(method) ||
    methodEpsg === 1024 ||
    // GDAL's old WKT1 for EPSG:3857: Mercator_1SP plus a PROJ4 extension on the sphere.
    (method === 'mercator1sp' && /\+a=6378137\s+\+b=6378137/.test(str(child(root, 'EXTENSION'), 1) ?? ''));
  if (isWebMerc) {
    if (info.datum !== 'WGS84') return fail('unsupported-datum', 'Web Mercator on a datum other than WGS 84');
    const offsets = [params.lon0, params.fe, params.fn, params.sp1].every((v) => v === undefined || v === 0);
    if (!offsets || (params.aux !== undefined && params.aux !== 0)) {
      return fail('unsupported-parameters', `Web Mercator with non-standard parameters ${JSON.stringify(params)}`);
    }
    return ok(mustGet(WEB_MERCATOR_ID), info, wktName);
  }

  if (!TM_METHODS.has(method) && methodEpsg !== 9807) {
    return fail('unknown-projection', `projection "${str(methodNode) ?? '?'}" is not supported`);
  }

  const { lon0, lat0 = 0, k = 1, fe = 0, fn = 0 } = params;
  if (lon0 === undefined) return fail('unsupported-parameters', 'Transverse Mercator without Central_Meridian');
  const describe = `Central_Meridian ${lon0}, Scale_Factor ${k}, False_Easting ${fe}, False_Northing ${fn}, Latitude_Of_Origin ${lat0}`;
  if (!near(fe, 500000, 1e-6) || !near(fn, 0, 1e-6) || !near(lat0, 0, 1e-9) || !(lon0 >= -180 && lon0 <= 180)) {
    return fail('unsupported-parameters', `Transverse Mercator with ${describe}`);
  }

  if (info.datum === 'VN2000') {
    const notes: PrjNote[] = [];
    let extra = '';
    if (Math.abs(lon0 * 4 - Math.round(lon0 * 4)) > 1e-9) {
      notes.push('central-meridian-unusual');
      extra = `; central meridian ${lon0} is not a multiple of 15′ — check the file (was ${formatMeridian(lon0)} intended?)`;
    }
    if (near(k, 0.9999, 1e-9)) return ok(tm3(lon0), info, wktName, notes, extra);
    if (near(k, 0.9996, 1e-9)) return ok(tm6(lon0), info, wktName, notes, extra);
    return fail('unsupported-parameters', `VN-2000 Transverse Mercator with ${describe} (expected Scale_Factor 0.9999 or 0.9996)`);
  }

  const zone = (lon0 + 183) / 6;
  if (near(k, 0.9996, 1e-9) && Number.isInteger(zone) && zone >= 1 && zone <= 60) {
    return ok(wgs84Utm(zone), info, wktName);
  }
  return fail('unsupported-parameters', `WGS 84 Transverse Mercator with ${describe} is not a UTM zone`);
}

function mustGet(id: string): CrsDef {
  const def = resolveCrs(id);
  if (!def) throw new Error(`registry is missing ${id}`); // unreachable: ids are constants
  return def;
}

const HELMERT_KEYS: Readonly<Record<string, number>> = {
  xaxistranslation: 0,
  yaxistranslation: 1,
  zaxistranslation: 2,
  xaxisrotation: 3,
  yaxisrotation: 4,
  zaxisrotation: 5,
  scaledifference: 6,
};

/**
 * WKT2 BOUNDCRS wraps the real CRS together with its Helmert transformation to WGS 84
 * (WKT2's spelling of TOWGS84). Returns the inner CRS and the shift as +towgs84 numbers.
 */
function unwrap(root: WktNode): { crs: WktNode; towgs84?: number[] } {
  if (root.keyword !== 'BOUNDCRS') return { crs: root };
  const inner = child(child(root, 'SOURCECRS'), ...PROJECTED, ...GEOGRAPHIC);
  if (!inner) return { crs: root };
  const tr = child(root, 'ABRIDGEDTRANSFORMATION');
  if (!tr) return { crs: inner };
  const values = [0, 0, 0, 0, 0, 0, 0];
  for (const p of children(tr, 'PARAMETER')) {
    const idx = HELMERT_KEYS[norm(str(p))];
    const v = num(p, 1);
    if (idx !== undefined && v !== undefined) values[idx] = v;
  }
  // PROJ writes the scale as a factor here (1.00000025…) but +towgs84 wants ppm.
  const s = values[6] ?? 0;
  if (Math.abs(s - 1) < 0.01) values[6] = (s - 1) * 1e6;
  if (norm(str(child(tr, 'METHOD'))).includes('coordinateframe')) {
    for (const k of [3, 4, 5]) values[k] = -(values[k] ?? 0);
  }
  return { crs: inner, towgs84: values };
}

/** Identify the CRS of `.prj` text. Never throws. */
export function identifyPrj(text: string): PrjResult {
  try {
    const trimmed = text.replace(/^\uFEFF/, '').trim();
    if (trimmed === '') return fail('empty', 'the .prj file is empty');
    const parsed = parseWkt(trimmed);
    if (!parsed) return fail('parse-error', `not valid WKT: "${trimmed.slice(0, 60)}"`);
    const { crs: root, towgs84 } = unwrap(parsed);
    const wktName = str(root);

    if (PROJECTED.includes(root.keyword)) return identifyProjected(root, wktName, towgs84);
    if (GEOGRAPHIC.includes(root.keyword)) {
      const csType = norm(str(child(root, 'CS')));
      if (csType !== '' && csType !== 'ellipsoidal') {
        return fail('unsupported-crs-type', `geodetic CRS with ${csType} coordinates`);
      }
      const bad = checkGeog(root);
      if (bad) return bad;
      const info = classifyDatum(root, towgs84);
      if ('ok' in info) return info;
      return ok(mustGet(info.datum === 'VN2000' ? VN2000_GEO_ID : WGS84_ID), info, wktName);
    }
    return fail('unsupported-crs-type', `${root.keyword} is not a projected or geographic CRS`);
  } catch (e) {
    // Defensive: identification must never take an import down.
    return fail('parse-error', e instanceof Error ? e.message : String(e));
  }
}
