// Strings of the hardened intake (issue 17): manifest and project-file problems, and the
// question asked before a data pack loads from another origin. Vietnamese first; `intakeEn`
// is typed from `intakeVi`, so a key missing in one language fails the type check.

export const intakeVi = {
  'problem.id': '{path}: mã {got} không hợp lệ (cần chữ, số, _ . -, tối đa 64 ký tự, không dùng tên dành riêng)',
  'problem.too-many': '{path}: quá nhiều phần tử ({got}, tối đa {expected})',
  'problem.too-long': '{path}: văn bản quá dài (tối đa {expected})',
  'error.packTooDeep': 'Tệp manifest.json của gói “{url}” lồng nhau quá sâu (tối đa {max} cấp). Gói không được tải.',
  'project.error.invalid': 'Không mở được tệp dự án {file}: {problem}. Không có gì bị thay đổi.',
  'project.error.tooDeep': 'Không mở được tệp dự án {file}: dữ liệu lồng nhau quá sâu (tối đa {max} cấp). Không có gì bị thay đổi.',
  'project.error.packFailed': 'Không mở được tệp dự án {file}: không tải được gói dữ liệu {url} của dự án. Không có gì bị thay đổi.',
  'project.error.unexpected': 'Không mở được tệp dự án {file} ({detail}). Không có gì bị thay đổi.',
  'origin.heading': 'Tải gói dữ liệu từ nơi khác?',
  'origin.intro': 'Gói dữ liệu này nằm ở {host}, không phải máy chủ của ứng dụng. Chỉ tải nếu bạn tin nguồn này: gói sẽ thay bản đồ đang xem.',
  'origin.url': 'Địa chỉ: {url}',
  'origin.load': 'Tải gói',
  'origin.cancel': 'Hủy',
  'origin.cancelled': 'Đã không tải gói dữ liệu từ {host}.',
  'origin.blockedByPolicy': 'Chính sách bảo mật của bản đồ này không cho tải dữ liệu từ {host}, nên gói dữ liệu không được tải; bản đồ giữ dữ liệu hiện có. Hãy nhờ quản trị viên thêm {host} vào danh sách MT_PACK_ORIGINS.',
  'origin.refusedScheme': 'Không tải “{url}”: chỉ nhận địa chỉ http: hoặc https:.',
  'origin.refusedInvalid': 'Không tải “{url}”: địa chỉ không hợp lệ.',
} as const;

export const intakeEn: Record<keyof typeof intakeVi, string> = {
  'problem.id': '{path}: id {got} is not allowed (letters, digits, _ . -, at most 64 characters, no reserved names)',
  'problem.too-many': '{path}: too many items ({got}, at most {expected})',
  'problem.too-long': '{path}: text too long (at most {expected})',
  'error.packTooDeep': 'The manifest.json of pack “{url}” is nested too deeply (at most {max} levels). The pack was not loaded.',
  'project.error.invalid': 'Could not open project file {file}: {problem}. Nothing was changed.',
  'project.error.tooDeep': 'Could not open project file {file}: its data is nested too deeply (at most {max} levels). Nothing was changed.',
  'project.error.packFailed': 'Could not open project file {file}: its data pack {url} did not load. Nothing was changed.',
  'project.error.unexpected': 'Could not open project file {file} ({detail}). Nothing was changed.',
  'origin.heading': 'Load a data pack from elsewhere?',
  'origin.intro': 'This data pack is on {host}, not on this app’s server. Load it only if you trust that source: it will replace the map you are viewing.',
  'origin.url': 'Address: {url}',
  'origin.load': 'Load pack',
  'origin.cancel': 'Cancel',
  'origin.cancelled': 'The data pack from {host} was not loaded.',
  'origin.blockedByPolicy': "This map's security policy does not allow loading data from {host}, so the data pack was not loaded; the map keeps its current data. Ask the administrator to add {host} to MT_PACK_ORIGINS.",
  'origin.refusedScheme': 'Not loading “{url}”: only http: and https: addresses are accepted.',
  'origin.refusedInvalid': 'Not loading “{url}”: not a valid address.',
};
