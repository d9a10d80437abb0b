import { describe, expect, it } from 'vitest';
import { VN2000_TOWGS84 } from './crs';
import { identifyPrj, parseWkt, type PrjResult } from './prj';

// Hand-written the way Vietnamese ESRI shapefiles ship them (ArcGIS export, free-form names).
const ESRI_KT103 =
  'PROJCS["VN_2000_KT103_3deg",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",103.0],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const ESRI_105DO45 =
  'PROJCS["VN_2000_105do45",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.75],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
// Misleading name on purpose: the parameters say 104°30′, so that is what must win.
const ESRI_MISNAMED =
  'PROJCS["VN_2000_KT103_3deg",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",104.5],PARAMETER["Scale_Factor",0.9999],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
// Degrees.minutes written as decimal degrees — a plausible hand-edit mistake.
const ESRI_105_45_TYPO = ESRI_105DO45.replace('105.75', '105.45');
// The rest below are PROJ 9.1.1 `projinfo -o WKT1_ESRI -q EPSG:<code>` output.
const ESRI_VN_UTM48 =
  'PROJCS["VN_2000_UTM_Zone_48N",GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const ESRI_GCS_WGS84 =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const ESRI_GCS_VN2000 =
  'GEOGCS["GCS_VN_2000",DATUM["D_Vietnam_2000",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
const ESRI_WGS84_UTM48 =
  'PROJCS["WGS_1984_UTM_Zone_48N",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const ESRI_WGS84_UTM48S = ESRI_WGS84_UTM48.replace('"False_Northing",0.0', '"False_Northing",10000000.0');
const ESRI_3857 =
  'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],UNIT["Meter",1.0]]';
const ESRI_LAMBERT_WGS84 =
  'PROJCS["custom_lcc",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Lambert_Conformal_Conic"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",103.0],PARAMETER["Standard_Parallel_1",21.0],PARAMETER["Standard_Parallel_2",23.0],PARAMETER["Latitude_Of_Origin",22.0],UNIT["Meter",1.0]]';
const ESRI_VN_FEET = ESRI_KT103.replace('UNIT["Meter",1.0]]', 'UNIT["Foot_US",0.3048006096012192]]');
// Generated with PROJ 9.1.1: projinfo -o <format> --single-line -q <crs>
// EPSG:9210 VN-2000 / TM-3 105-45, WKT2_2019
const WKT2_9210 =
  'PROJCRS["VN-2000 / TM-3 105-45",BASEGEOGCRS["VN-2000",DATUM["Vietnam 2000",ELLIPSOID["WGS 84",6378137,298.257223563,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],ID["EPSG",4756]],CONVERSION["Vietnam TM-3 105-45",METHOD["Transverse Mercator",ID["EPSG",9807]],PARAMETER["Latitude of natural origin",0,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8801]],PARAMETER["Longitude of natural origin",105.75,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8802]],PARAMETER["Scale factor at natural origin",0.9999,SCALEUNIT["unity",1],ID["EPSG",8805]],PARAMETER["False easting",500000,LENGTHUNIT["metre",1],ID["EPSG",8806]],PARAMETER["False northing",0,LENGTHUNIT["metre",1],ID["EPSG",8807]]],CS[Cartesian,2],AXIS["(E)",east,ORDER[1],LENGTHUNIT["metre",1]],AXIS["(N)",north,ORDER[2],LENGTHUNIT["metre",1]],USAGE[SCOPE["Cadastre, engineering survey, topographic mapping (large scale)."],AREA["Vietnam - Hai Phong and Ho Chi Minh cities; Ben Tre, Binh Duong, Cao Bang, Long An and Tien Giang provinces."],BBOX[9.75,105.26,23.12,107.8]],ID["EPSG",9210]]';
// EPSG:9205 VN-2000 / TM-3 103-00, WKT1_GDAL (no TOWGS84)
const GDAL_9205 =
  'PROJCS["VN-2000 / TM-3 103-00",GEOGCS["VN-2000",DATUM["Vietnam_2000",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6756"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4756"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",103],PARAMETER["scale_factor",0.9999],PARAMETER["false_easting",500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","9205"]]';
// EPSG:3857, WKT1_GDAL (Mercator_1SP + PROJ4 extension)
const GDAL_3857 =
  'PROJCS["WGS 84 / Pseudo-Mercator",GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4326"]],PROJECTION["Mercator_1SP"],PARAMETER["central_meridian",0],PARAMETER["scale_factor",1],PARAMETER["false_easting",0],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],EXTENSION["PROJ4","+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs"],AUTHORITY["EPSG","3857"]]';
// EPSG:4326, WKT2_2019 (datum ensemble)
const WKT2_4326 =
  'GEOGCRS["WGS 84",ENSEMBLE["World Geodetic System 1984 ensemble",MEMBER["World Geodetic System 1984 (Transit)"],MEMBER["World Geodetic System 1984 (G730)"],MEMBER["World Geodetic System 1984 (G873)"],MEMBER["World Geodetic System 1984 (G1150)"],MEMBER["World Geodetic System 1984 (G1674)"],MEMBER["World Geodetic System 1984 (G1762)"],MEMBER["World Geodetic System 1984 (G2139)"],ELLIPSOID["WGS 84",6378137,298.257223563,LENGTHUNIT["metre",1]],ENSEMBLEACCURACY[2.0]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],CS[ellipsoidal,2],AXIS["geodetic latitude (Lat)",north,ORDER[1],ANGLEUNIT["degree",0.0174532925199433]],AXIS["geodetic longitude (Lon)",east,ORDER[2],ANGLEUNIT["degree",0.0174532925199433]],USAGE[SCOPE["Horizontal component of 3D system."],AREA["World."],BBOX[-90,-180,90,180]],ID["EPSG",4326]]';
// EPSG:3148 Indian 1960 / UTM 48N, WKT1_ESRI
const ESRI_INDIAN_1960_UTM48 =
  'PROJCS["Indian_1960_UTM_Zone_48N",GEOGCS["GCS_Indian_1960",DATUM["D_Indian_1960",SPHEROID["Everest_Adjustment_1937",6377276.345,300.8017]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Transverse_Mercator"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",105.0],PARAMETER["Scale_Factor",0.9996],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
// EPSG:4147 Hanoi 1972 (Krassovsky), WKT1_ESRI
const ESRI_HANOI_1972 =
  'GEOGCS["GCS_Hanoi_1972",DATUM["D_Hanoi_1972",SPHEROID["Krasovsky_1940",6378245.0,298.3]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';
// WKT2_2019 of the TM-3 103 proj string with +towgs84 (BOUNDCRS)
const WKT2_BOUND_TM3_103 =
  'BOUNDCRS[SOURCECRS[PROJCRS["unknown",BASEGEOGCRS["unknown",DATUM["Unknown based on WGS84 ellipsoid using towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278",ELLIPSOID["WGS 84",6378137,298.257223563,LENGTHUNIT["metre",1],ID["EPSG",7030]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8901]]],CONVERSION["unknown",METHOD["Transverse Mercator",ID["EPSG",9807]],PARAMETER["Latitude of natural origin",0,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8801]],PARAMETER["Longitude of natural origin",103,ANGLEUNIT["degree",0.0174532925199433],ID["EPSG",8802]],PARAMETER["Scale factor at natural origin",0.9999,SCALEUNIT["unity",1],ID["EPSG",8805]],PARAMETER["False easting",500000,LENGTHUNIT["metre",1],ID["EPSG",8806]],PARAMETER["False northing",0,LENGTHUNIT["metre",1],ID["EPSG",8807]]],CS[Cartesian,2],AXIS["(E)",east,ORDER[1],LENGTHUNIT["metre",1,ID["EPSG",9001]]],AXIS["(N)",north,ORDER[2],LENGTHUNIT["metre",1,ID["EPSG",9001]]]]],TARGETCRS[GEOGCRS["WGS 84",DATUM["World Geodetic System 1984",ELLIPSOID["WGS 84",6378137,298.257223563,LENGTHUNIT["metre",1]]],PRIMEM["Greenwich",0,ANGLEUNIT["degree",0.0174532925199433]],CS[ellipsoidal,2],AXIS["latitude",north,ORDER[1],ANGLEUNIT["degree",0.0174532925199433]],AXIS["longitude",east,ORDER[2],ANGLEUNIT["degree",0.0174532925199433]],ID["EPSG",4326]]],ABRIDGEDTRANSFORMATION["Transformation from unknown to WGS84",METHOD["Position Vector transformation (geog2D domain)",ID["EPSG",9606]],PARAMETER["X-axis translation",-191.90441429,ID["EPSG",8605]],PARAMETER["Y-axis translation",-39.30318279,ID["EPSG",8606]],PARAMETER["Z-axis translation",-111.45032835,ID["EPSG",8607]],PARAMETER["X-axis rotation",0.00928836,ID["EPSG",8608]],PARAMETER["Y-axis rotation",-0.01975479,ID["EPSG",8609]],PARAMETER["Z-axis rotation",0.00427372,ID["EPSG",8610]],PARAMETER["Scale difference",1.00000025290628,ID["EPSG",8611]]]]';

function expectOk(r: PrjResult, crsId: string): Extract<PrjResult, { ok: true }> {
  if (!r.ok) throw new Error(`expected ${crsId}, got ${r.reason}: ${r.details}`);
  expect(r.crsId).toBe(crsId);
  return r;
}

function expectFail(r: PrjResult, reason: string): void {
  if (r.ok) throw new Error(`expected failure ${reason}, got ${r.crsId}`);
  expect(r.reason).toBe(reason);
  expect(r.details.length).toBeGreaterThan(0);
}

describe('identifyPrj: VN-2000', () => {
  it('ESRI TM-3 103°00′ without TOWGS84 still gets the official shift', () => {
    const r = expectOk(identifyPrj(ESRI_KT103), 'VN2000:TM3:103');
    expect(r.proj).toContain('+lon_0=103 +k=0.9999 +x_0=500000');
    expect(r.proj).toContain(`+towgs84=${VN2000_TOWGS84}`);
    expect(r.notes).toEqual(['towgs84-missing-official-applied']);
    expect(r.wktName).toBe('VN_2000_KT103_3deg');
    expect(r.description).toContain('103°00′');
  });

  it('free-form name "VN_2000_105do45" is identified from Central_Meridian 105.75', () => {
    const r = expectOk(identifyPrj(ESRI_105DO45), 'VN2000:TM3:105.75');
    expect(r.proj).toContain('+lon_0=105.75');
    expect(r.description).toContain('105°45′');
  });

  it('parameters beat the name', () => {
    expectOk(identifyPrj(ESRI_MISNAMED), 'VN2000:TM3:104.5');
  });

  it('flags a central meridian that is not a multiple of 15′', () => {
    const r = expectOk(identifyPrj(ESRI_105_45_TYPO), 'VN2000:TM3:105.45');
    expect(r.notes).toContain('central-meridian-unusual');
  });

  it('VN-2000 / UTM 48N (k=0.9996, CM 105) → EPSG:3405', () => {
    const r = expectOk(identifyPrj(ESRI_VN_UTM48), 'EPSG:3405');
    expect(r.proj).toContain(`+towgs84=${VN2000_TOWGS84}`);
  });

  it('6° zone on another meridian → VN-2000 TM-6', () => {
    const r = expectOk(identifyPrj(ESRI_VN_UTM48.replace('"Central_Meridian",105.0', '"Central_Meridian",102.0')), 'VN2000:TM6:102');
    expect(r.proj).toContain('+k=0.9996');
  });

  it('GEOGCS-only VN-2000 → EPSG:4756', () => {
    expectOk(identifyPrj(ESRI_GCS_VN2000), 'EPSG:4756');
  });

  it('OGC/GDAL WKT1 (Vietnam_2000 datum) and WKT2 forms', () => {
    expectOk(identifyPrj(GDAL_9205), 'VN2000:TM3:103');
    expectOk(identifyPrj(WKT2_9210), 'VN2000:TM3:105.75');
  });

  it('recognises VN-2000 from TOWGS84 values alone, official or not', () => {
    // GDAL names such a datum "Unknown based on WGS84 ellipsoid using towgs84=…".
    const bound = expectOk(identifyPrj(WKT2_BOUND_TM3_103), 'VN2000:TM3:103');
    expect(bound.notes).toEqual([]);

    const custom = ESRI_KT103.replace('D_Vietnam_2000', 'D_Unknown').replace(
      'SPHEROID["WGS_1984",6378137.0,298.257223563]',
      `SPHEROID["WGS_1984",6378137.0,298.257223563],TOWGS84[${VN2000_TOWGS84}]`,
    );
    expect(expectOk(identifyPrj(custom), 'VN2000:TM3:103').notes).toEqual([]);

    // Rotations pasted with the decision's (coordinate-frame) signs.
    const unflipped = custom.replace('0.00928836,-0.01975479,0.00427372', '-0.00928836,0.01975479,-0.00427372');
    const r = expectOk(identifyPrj(unflipped), 'VN2000:TM3:103');
    expect(r.notes).toEqual(['towgs84-nonstandard-official-applied']);
    expect(r.proj).toContain(`+towgs84=${VN2000_TOWGS84}`);
  });
});

describe('identifyPrj: WGS 84', () => {
  it('GCS_WGS_1984 → EPSG:4326 (ESRI and WKT2 ensemble)', () => {
    expectOk(identifyPrj(ESRI_GCS_WGS84), 'EPSG:4326');
    expectOk(identifyPrj(WKT2_4326), 'EPSG:4326');
  });

  it('WGS 84 / UTM 48N → EPSG:32648', () => {
    const r = expectOk(identifyPrj(ESRI_WGS84_UTM48), 'EPSG:32648');
    expect(r.proj).toBe('+proj=utm +zone=48 +datum=WGS84 +units=m +no_defs');
    expect(r.notes).toEqual([]);
  });

  it('Web Mercator, ESRI auxiliary sphere and GDAL Mercator_1SP+extension → EPSG:3857', () => {
    expectOk(identifyPrj(ESRI_3857), 'EPSG:3857');
    expectOk(identifyPrj(GDAL_3857), 'EPSG:3857');
  });

  it('tolerates a BOM, CRLF and pretty-printed WKT', () => {
    const pretty = '\uFEFF' + ESRI_GCS_WGS84.replace(/,/g, ',\r\n    ') + '\r\n';
    expectOk(identifyPrj(pretty), 'EPSG:4326');
  });
});

describe('identifyPrj: failures are values, never exceptions', () => {
  it.each([
    ['empty', '', 'empty'],
    ['whitespace', '  \n', 'empty'],
    ['garbage', 'hello world ]]][[', 'parse-error'],
    ['binary-ish', '\u0000\u0001PK\u0003\u0004', 'parse-error'],
    ['unbalanced', ESRI_KT103.slice(0, -2), 'parse-error'],
    ['trailing junk', `${ESRI_KT103}xyz`, 'parse-error'],
    ['Hanoi 1972 (Krassovsky)', ESRI_HANOI_1972, 'unsupported-datum'],
    ['Indian 1960 / UTM 48N', ESRI_INDIAN_1960_UTM48, 'unsupported-datum'],
    ['Lambert on WGS 84', ESRI_LAMBERT_WGS84, 'unknown-projection'],
    ['US feet', ESRI_VN_FEET, 'unsupported-unit'],
    ['UTM south (FN 10 000 000)', ESRI_WGS84_UTM48S, 'unsupported-parameters'],
    ['VN-2000 with odd scale', ESRI_KT103.replace('0.9999', '1.0'), 'unsupported-parameters'],
    ['geocentric', 'GEOCCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["metre",1]]', 'unsupported-crs-type'],
    ['Paris meridian', ESRI_GCS_WGS84.replace('PRIMEM["Greenwich",0.0]', 'PRIMEM["Paris",2.33722917]'), 'unsupported-prime-meridian'],
    ['unnamed datum on WGS 84 ellipsoid', ESRI_GCS_WGS84.replace('D_WGS_1984', 'D_Unknown'), 'unsupported-datum'],
  ])('%s', (_name, text, reason) => {
    expectFail(identifyPrj(text), reason);
  });

  it('does not blow the stack on deeply nested input', () => {
    expectFail(identifyPrj('A['.repeat(10_000) + ']'.repeat(10_000)), 'parse-error');
  });
});

describe('parseWkt', () => {
  it('keeps strings, numbers, enums and nesting', () => {
    const n = parseWkt('AXIS["Easting",EAST,X[1.5e3,"a""b"]]');
    expect(n).toEqual({
      keyword: 'AXIS',
      args: ['Easting', 'EAST', { keyword: 'X', args: [1500, 'a"b'] }],
    });
  });

  it('accepts round brackets', () => {
    expect(parseWkt('GEOGCS("x",UNIT("degree",0.0174532925199433))')?.keyword).toBe('GEOGCS');
  });
});
