// Strings of the offline service worker's update prompt (issue 16 §8), Vietnamese first. Kept
// apart from strings.ts like the area-of-interest strings; `offlineEn` is typed from
// `offlineVi`, so a key missing in one language fails the type check.

export const offlineVi = {
  'offline.updateAvailable': 'Có phiên bản mới',
  'offline.update': 'Cập nhật',
  'offline.updateTitle': 'Tải lại bản đồ với phiên bản mới. Lưu dự án trước nếu đang làm dở.',
  'offline.updating': 'Đang cập nhật…',
  'offline.later': 'Để sau',
} as const;

export const offlineEn: Record<keyof typeof offlineVi, string> = {
  'offline.updateAvailable': 'A new version is available',
  'offline.update': 'Update',
  'offline.updateTitle': 'Reload the map with the new version. Save your project first if you are in the middle of work.',
  'offline.updating': 'Updating…',
  'offline.later': 'Later',
};
