// The UI languages. They live here, at the bottom of the import graph, so i18n imports
// nothing; the manifest re-exports them for pack authors' types.

export type Lang = 'vi' | 'en';

/** Text in both UI languages; a plain string is used for both. */
export type Localized = string | { vi: string; en: string };
