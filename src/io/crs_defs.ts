// Coordinate reference systems used in Vietnamese planning data: their definitions. The
// transforms, with proj4, are in io/crs.ts, which re-exports these; the main thread's start-up
// code imports this module only, so proj4 (about 250 kB with its parsers) loads on first use.
//
// Every VN-2000 definition carries the official 7-parameter shift (Decision
// 05/2007/QĐ-BTNMT) in PROJ's position-vector convention. The decision publishes
// coordinate-frame rotations; PROJ/proj4 `+towgs84` wants them with flipped signs.
// Getting this wrong costs ~0.5–1 m; omitting the shift costs ~200–300 m.
// Shift values and EPSG codes checked against PROJ 9.1.1 (cs2cs/projinfo).

/** Official VN-2000 → WGS 84 shift, position-vector convention (as EPSG/PROJ use it). */
export const VN2000_TOWGS84 =
  '-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278';

/** Lai Châu's provincial TM-3 central meridian, 103°00′. */
export const LAI_CHAU_LON0 = 103;

export const TM3_SCALE = 0.9999;
export const TM6_SCALE = 0.9996;

export type CrsKind = 'geographic' | 'projected';
export type CrsDatum = 'WGS84' | 'VN2000';

export interface CrsDef {
  /** Stable id used throughout the app (EPSG:xxxx, or VN2000:TM3:<lon0> / VN2000:TM6:<lon0>). */
  readonly id: string;
  /** EPSG code when the registry has one; exporters can write it. */
  readonly epsg?: number;
  readonly label: { readonly vi: string; readonly en: string };
  /** PROJ.4-style definition understood by both proj4js and PROJ's cs2cs. */
  readonly proj: string;
  readonly kind: CrsKind;
  readonly datum: CrsDatum;
}

export const WGS84_ID = 'EPSG:4326';
export const VN2000_GEO_ID = 'EPSG:4756';
export const VN2000_UTM48_ID = 'EPSG:3405';
export const VN2000_UTM49_ID = 'EPSG:3406';
export const WEB_MERCATOR_ID = 'EPSG:3857';

/** The VN-2000 datum in PROJ terms: WGS 84's ellipsoid and the official shift. */
export const VN = `+ellps=WGS84 +towgs84=${VN2000_TOWGS84}`;

const WGS84_DEF: CrsDef = {
  id: WGS84_ID,
  epsg: 4326,
  label: { vi: 'WGS 84 (kinh độ/vĩ độ)', en: 'WGS 84 (longitude/latitude)' },
  proj: '+proj=longlat +datum=WGS84 +no_defs',
  kind: 'geographic',
  datum: 'WGS84',
};

const VN2000_GEO_DEF: CrsDef = {
  id: VN2000_GEO_ID,
  epsg: 4756,
  label: { vi: 'VN-2000 (kinh độ/vĩ độ)', en: 'VN-2000 (longitude/latitude)' },
  proj: `+proj=longlat ${VN} +no_defs`,
  kind: 'geographic',
  datum: 'VN2000',
};

const WEB_MERCATOR_DEF: CrsDef = {
  id: WEB_MERCATOR_ID,
  epsg: 3857,
  label: { vi: 'WGS 84 / Web Mercator', en: 'WGS 84 / Web Mercator' },
  proj: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs',
  kind: 'projected',
  datum: 'WGS84',
};

function vnUtm(zone: 48 | 49): CrsDef {
  return {
    id: zone === 48 ? VN2000_UTM48_ID : VN2000_UTM49_ID,
    epsg: zone === 48 ? 3405 : 3406,
    label: { vi: `VN-2000 / UTM múi ${zone}N`, en: `VN-2000 / UTM zone ${zone}N` },
    proj: `+proj=utm +zone=${zone} ${VN} +units=m +no_defs`,
    kind: 'projected',
    datum: 'VN2000',
  };
}

/** WGS 84 / UTM north, any zone 1–60 (EPSG:326zz). */
export function wgs84Utm(zone: number): CrsDef {
  if (!Number.isInteger(zone) || zone < 1 || zone > 60) {
    throw new RangeError(`UTM zone out of range: ${zone}`);
  }
  return {
    id: `EPSG:${32600 + zone}`,
    epsg: 32600 + zone,
    label: { vi: `WGS 84 / UTM múi ${zone}N`, en: `WGS 84 / UTM zone ${zone}N` },
    proj: `+proj=utm +zone=${zone} +datum=WGS84 +units=m +no_defs`,
    kind: 'projected',
    datum: 'WGS84',
  };
}

// EPSG has codes for these VN-2000 TM-3 meridians only; the rest are custom.
const TM3_EPSG: ReadonlyMap<number, number> = new Map([
  [102, 5896], [105, 5897], [108, 5898], [107.75, 5899],
  [103, 9205], [104, 9206], [104.5, 9207], [104.75, 9208], [105.5, 9209],
  [105.75, 9210], [106, 9211], [106.25, 9212], [106.5, 9213], [107, 9214],
  [107.25, 9215], [107.5, 9216], [108.25, 9217], [108.5, 9218],
]);

/** Strip float noise (e.g. 105.75000000000001 from a .prj) so ids stay canonical. */
function normLon0(lon0: number): number {
  if (!Number.isFinite(lon0) || lon0 < -180 || lon0 > 180) {
    throw new RangeError(`Central meridian out of range: ${lon0}`);
  }
  return Math.round(lon0 * 1e9) / 1e9 + 0; // +0 turns -0 into 0
}

/** 105.75 → "105°45′"; falls back to decimal degrees for non-whole minutes. */
export function formatMeridian(lon0: number): string {
  const totalMin = lon0 * 60;
  const roundedMin = Math.round(totalMin);
  if (Math.abs(totalMin - roundedMin) > 1e-6) return `${lon0}°`;
  const sign = roundedMin < 0 ? '-' : '';
  const abs = Math.abs(roundedMin);
  return `${sign}${Math.floor(abs / 60)}°${String(abs % 60).padStart(2, '0')}′`;
}

function tmProj(lon0: number, k: number): string {
  return `+proj=tmerc +lat_0=0 +lon_0=${lon0} +k=${k} +x_0=500000 +y_0=0 ${VN} +units=m +no_defs`;
}

/** VN-2000 / TM-3 (3° zone, k=0.9999, FE 500 000 m) for any provincial central meridian. */
export function tm3(lon0Degrees: number = LAI_CHAU_LON0): CrsDef {
  const lon0 = normLon0(lon0Degrees);
  const m = formatMeridian(lon0);
  const epsg = TM3_EPSG.get(lon0);
  return {
    id: `VN2000:TM3:${lon0}`,
    ...(epsg !== undefined ? { epsg } : {}),
    label: { vi: `VN-2000 / TM-3 kinh tuyến trục ${m}`, en: `VN-2000 / TM-3 central meridian ${m}` },
    proj: tmProj(lon0, TM3_SCALE),
    kind: 'projected',
    datum: 'VN2000',
  };
}

/**
 * VN-2000 / TM-6 (6° zone, k=0.9996) — used for small-scale maps. At 105° and 111° this
 * is exactly VN-2000 / UTM 48N / 49N, so those return the EPSG definitions to keep one id
 * per CRS.
 */
export function tm6(lon0Degrees: number): CrsDef {
  const lon0 = normLon0(lon0Degrees);
  if (lon0 === 105) return vnUtm(48);
  if (lon0 === 111) return vnUtm(49);
  const m = formatMeridian(lon0);
  return {
    id: `VN2000:TM6:${lon0}`,
    label: { vi: `VN-2000 / TM-6 kinh tuyến trục ${m}`, en: `VN-2000 / TM-6 central meridian ${m}` },
    proj: tmProj(lon0, TM6_SCALE),
    kind: 'projected',
    datum: 'VN2000',
  };
}

/** CRSs offered in pickers; anything `resolveCrs` accepts also works with `transformer`. */
export const SUPPORTED_CRS: readonly CrsDef[] = Object.freeze([
  WGS84_DEF,
  VN2000_GEO_DEF,
  tm3(LAI_CHAU_LON0),
  vnUtm(48),
  vnUtm(49),
  wgs84Utm(48),
  wgs84Utm(49),
  WEB_MERCATOR_DEF,
]);

const TM_ID_RE = /^VN2000:TM([36]):(-?\d+(?:\.\d+)?)$/;
const EPSG_ID_RE = /^EPSG:(\d+)$/i;

/** Look up a CRS by id, including parametric TM-3/TM-6 ids and EPSG aliases. */
export function resolveCrs(id: string): CrsDef | undefined {
  const listed = SUPPORTED_CRS.find((c) => c.id === id);
  if (listed) return listed;

  const tm = TM_ID_RE.exec(id);
  if (tm) {
    const lon0 = Number(tm[2]);
    if (!(lon0 >= -180 && lon0 <= 180)) return undefined;
    return tm[1] === '3' ? tm3(lon0) : tm6(lon0);
  }

  const epsg = EPSG_ID_RE.exec(id);
  if (epsg) {
    const code = Number(epsg[1]);
    const listedByCode = SUPPORTED_CRS.find((c) => c.epsg === code);
    if (listedByCode) return listedByCode;
    for (const [lon0, c] of TM3_EPSG) if (c === code) return tm3(lon0);
    if (code > 32600 && code <= 32660) return wgs84Utm(code - 32600);
  }
  return undefined;
}
