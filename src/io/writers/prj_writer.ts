// ESRI WKT (.prj) for the CRSs we export to, in the form ArcGIS writes (no TOWGS84: ESRI
// WKT has no place for it). Readers recognise VN-2000 by the datum name D_Vietnam_2000 and
// the zone by Central_Meridian / Scale_Factor / False_Easting — as our own identifyPrj()
// does, which re-applies the official 7-parameter shift (Decision 05/2007/QĐ-BTNMT).

import { resolveCrs, type CrsDef } from '../crs';

const SPHEROID = 'SPHEROID["WGS_1984",6378137.0,298.257223563]';
const DEGREE = 'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]';
const GCS_WGS84 = `GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",${SPHEROID}],${DEGREE}]`;
const GCS_VN2000 = `GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",${SPHEROID}],${DEGREE}]`;

const WEB_MERCATOR =
  'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",' + GCS_WGS84 + ',PROJECTION["Mercator_Auxiliary_Sphere"],' +
  'PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],' +
  'PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]';

function param(proj: string, key: string): number | undefined {
  const m = new RegExp(`\\+${key}=(-?[\\d.]+)`).exec(proj);
  return m ? Number(m[1]) : undefined;
}

/** Number as WKT shows it: always with a decimal point, like ArcGIS ("500000.0"). */
function wktNumber(v: number): string {
  const s = String(v);
  return /[.e]/.test(s) ? s : `${s}.0`;
}

/** The projection name: ESRI's for the UTM zones, a readable one for TM-3 / TM-6 zones. */
function projName(def: CrsDef, lon0: number): string {
  const datum = def.datum === 'VN2000' ? 'VN_2000' : 'WGS_1984';
  const zone = param(def.proj, 'zone');
  if (zone !== undefined) return `${datum}_UTM_Zone_${zone}N`;
  const k = param(def.proj, 'k');
  const deg = Math.trunc(lon0);
  const min = Math.round(Math.abs(lon0 - deg) * 60);
  return `${datum}_${k === 0.9999 ? 'TM_3' : 'TM_6'}_${deg}_${String(min).padStart(2, '0')}`;
}

/** ESRI WKT of a CRS id, or undefined when it is not one we can describe. */
export function esriWkt(crsId: string): string | undefined {
  const def = resolveCrs(crsId);
  if (!def) return undefined;
  const gcs = def.datum === 'VN2000' ? GCS_VN2000 : GCS_WGS84;
  if (def.kind === 'geographic') return gcs;
  if (def.proj.includes('+proj=merc')) return WEB_MERCATOR;
  const utmZone = param(def.proj, 'zone');
  const lon0 = utmZone !== undefined ? utmZone * 6 - 183 : param(def.proj, 'lon_0');
  const k = utmZone !== undefined ? 0.9996 : param(def.proj, 'k');
  const fe = utmZone !== undefined ? 500000 : param(def.proj, 'x_0');
  if (lon0 === undefined || k === undefined || fe === undefined) return undefined;
  return (
    `PROJCS["${projName(def, lon0)}",${gcs},PROJECTION["Transverse_Mercator"],` +
    `PARAMETER["False_Easting",${wktNumber(fe)}],PARAMETER["False_Northing",0.0],` +
    `PARAMETER["Central_Meridian",${wktNumber(lon0)}],PARAMETER["Scale_Factor",${wktNumber(k)}],` +
    `PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]`
  );
}
