// Strings for exporting a layer's data (GeoJSON / CSV / Shapefile, issue 3 item 6),
// Vietnamese first. Kept apart from strings.ts like the import strings; the `layerExport.`
// prefix keeps them clear of the map-sheet export ("export.*"). `layerExportEn` is typed
// from `layerExportVi`, so a key missing in one language fails the type check.

export const layerExportVi = {
  'layerExport.open': 'Xuất dữ liệu',
  'layerExport.openLabel': 'Xuất dữ liệu lớp {title} ra tệp',
  'layerExport.format': 'Định dạng',
  'layerExport.crs': 'Hệ tọa độ',
  'layerExport.download': 'Tải xuống',
  'layerExport.downloadLabel': 'Tải xuống lớp {title}',
  'layerExport.format.geojson': 'GeoJSON',
  'layerExport.format.csv-latlon': 'CSV (vĩ độ/kinh độ hoặc X/Y, chỉ điểm)',
  'layerExport.format.csv-wkt': 'CSV (cột WKT)',
  'layerExport.format.shapefile': 'Shapefile (.zip)',
  'layerExport.done': 'Đã xuất {file} ({count} đối tượng).',
  'layerExport.skipped': 'Tệp {file}: bỏ qua {count} đối tượng mà định dạng này không chứa được (vd vùng/đường trong CSV vĩ độ/kinh độ). Chọn CSV (WKT), GeoJSON hoặc Shapefile để giữ tất cả.',
  'layerExport.failed': 'Không xuất được lớp “{title}”: {detail}',
  'layerExport.noData': 'Lớp “{title}” chưa có dữ liệu để xuất (đang tải hoặc bị lỗi).',
  'layerExport.tooLarge': 'Lớp “{title}” có {count} điểm: hiện chỉ xuất được lớp điểm tới {limit} điểm. Hãy lọc bớt hoặc dùng tệp CSV gốc.',
};
export type LayerExportStringKey = keyof typeof layerExportVi;

export const layerExportEn: Record<LayerExportStringKey, string> = {
  'layerExport.open': 'Export data',
  'layerExport.openLabel': 'Export the data of layer {title} to a file',
  'layerExport.format': 'Format',
  'layerExport.crs': 'Coordinate system',
  'layerExport.download': 'Download',
  'layerExport.downloadLabel': 'Download layer {title}',
  'layerExport.format.geojson': 'GeoJSON',
  'layerExport.format.csv-latlon': 'CSV (lat/lon or X/Y, points only)',
  'layerExport.format.csv-wkt': 'CSV (WKT column)',
  'layerExport.format.shapefile': 'Shapefile (.zip)',
  'layerExport.done': 'Exported {file} ({count} features).',
  'layerExport.skipped': '{file}: left out {count} features this format cannot hold (e.g. polygons/lines in a lat/lon CSV). Choose CSV (WKT), GeoJSON or Shapefile to keep them all.',
  'layerExport.failed': 'Could not export layer “{title}”: {detail}',
  'layerExport.noData': 'Layer “{title}” has no data to export yet (still loading or failed).',
  'layerExport.tooLarge': 'Layer “{title}” has {count} points: export of point layers is supported up to {limit} points for now. Filter it or use the original CSV file.',
};
