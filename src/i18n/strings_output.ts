// Strings of the long-value control (issue 17: a cell of megabytes is shown cut short, with a
// button that copies all of it). Vietnamese first; `outputEn` is typed from `outputVi`, so a
// key missing in one language fails the type check.

export const outputVi = {
  'longValue.copy': 'Sao chép',
  'longValue.copyLabel': 'Sao chép toàn bộ giá trị ({count} ký tự)',
  'longValue.copied': 'Đã chép',
  'longValue.copyFailed': 'Không chép được',
  'longValue.truncated': 'Giá trị dài {count} ký tự, chỉ hiện phần đầu.',
} as const;

export type OutputStringKey = keyof typeof outputVi;

export const outputEn: Record<OutputStringKey, string> = {
  'longValue.copy': 'Copy',
  'longValue.copyLabel': 'Copy the whole value ({count} characters)',
  'longValue.copied': 'Copied',
  'longValue.copyFailed': 'Could not copy',
  'longValue.truncated': 'A value of {count} characters; only its beginning is shown.',
};
