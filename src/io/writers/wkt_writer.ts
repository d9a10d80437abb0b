// GeoJSON geometry → OGC WKT (2D). Numbers use JS's shortest round-trip form, so a
// WKT → GeoJSON read gives back the same doubles; betterknown (our reader) and GDAL both
// accept exponents such as 1e-7 in WKT.

import type { Geometry, Position } from 'geojson';

function pos(p: Position): string {
  return `${p[0] ?? NaN} ${p[1] ?? NaN}`;
}

function list(ps: readonly Position[]): string {
  return `(${ps.map(pos).join(', ')})`;
}

function rings(rs: readonly Position[][]): string {
  return `(${rs.map(list).join(', ')})`;
}

export function geometryToWkt(g: Geometry): string {
  switch (g.type) {
    case 'Point':
      return `POINT (${pos(g.coordinates)})`;
    case 'MultiPoint':
      return g.coordinates.length === 0 ? 'MULTIPOINT EMPTY' : `MULTIPOINT (${g.coordinates.map((p) => `(${pos(p)})`).join(', ')})`;
    case 'LineString':
      return g.coordinates.length === 0 ? 'LINESTRING EMPTY' : `LINESTRING ${list(g.coordinates)}`;
    case 'MultiLineString':
      return g.coordinates.length === 0 ? 'MULTILINESTRING EMPTY' : `MULTILINESTRING ${rings(g.coordinates)}`;
    case 'Polygon':
      return g.coordinates.length === 0 ? 'POLYGON EMPTY' : `POLYGON ${rings(g.coordinates)}`;
    case 'MultiPolygon':
      return g.coordinates.length === 0 ? 'MULTIPOLYGON EMPTY' : `MULTIPOLYGON (${g.coordinates.map(rings).join(', ')})`;
    case 'GeometryCollection':
      return g.geometries.length === 0 ? 'GEOMETRYCOLLECTION EMPTY' : `GEOMETRYCOLLECTION (${g.geometries.map(geometryToWkt).join(', ')})`;
  }
}
