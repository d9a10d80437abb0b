// What the file picker offers. It lives apart from the registry so the main bundle need not
// load the parsers; accept.test.ts checks it against the registry so the two cannot drift.

export const ACCEPT_EXTENSIONS =
  '.geojson,.json,application/geo+json,application/json,application/vnd.geo+json,.csv,.tsv,.tab,.txt,text/csv,text/tab-separated-values,application/vnd.ms-excel,text/plain,.zip,application/zip,application/x-zip-compressed,application/x-shapefile,.kml,application/vnd.google-earth.kml+xml,.kmz,application/vnd.google-earth.kmz,.fgb,application/flatgeobuf,application/x-flatgeobuf';
