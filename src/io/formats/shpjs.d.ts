// shpjs ships no types; only the two low-level parsers we use are declared.
declare module 'shpjs' {
  import type { Geometry } from 'geojson';
  /** Geometries of a .shp (null for null shapes); `prj` false = no reprojection. */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView, prj?: string | false): (Geometry | null)[];
  /** Records of a .dbf, decoded with the encoding named by a .cpg text. */
  export function parseDbf(dbf: ArrayBuffer | ArrayBufferView, cpg?: string): Record<string, unknown>[];
}
