import latinUrl from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latinExtUrl from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import vietnameseUrl from '@fontsource/noto-sans/files/noto-sans-vietnamese-400-normal.woff2?url';
import { LABEL_FONT } from './pack_layers';

// Map labels are drawn from font files the app bundles (the style's `font-faces`), not from a
// glyph server: that keeps labels offline and gives Vietnamese diacritics their real shapes.
// Ranges are the ones @fontsource declares for each subset file.

export function labelFontFaces(): Record<string, unknown> {
  const abs = (u: string) => new URL(u, window.location.href).href;
  return {
    [LABEL_FONT]: [
      {
        url: abs(latinUrl),
        'unicode-range': ['U+0000-00FF', 'U+0131', 'U+0152-0153', 'U+02BB-02BC', 'U+02C6', 'U+02DA', 'U+02DC', 'U+2000-206F', 'U+20AC', 'U+2122', 'U+2212'],
      },
      {
        url: abs(vietnameseUrl),
        'unicode-range': ['U+0102-0103', 'U+0110-0111', 'U+0128-0129', 'U+0168-0169', 'U+01A0-01A1', 'U+01AF-01B0', 'U+0300-0301', 'U+0303-0304', 'U+0308-0309', 'U+0323', 'U+0329', 'U+1EA0-1EF9', 'U+20AB'],
      },
      {
        url: abs(latinExtUrl),
        'unicode-range': ['U+0100-02BA', 'U+1E00-1E9F', 'U+1EF2-1EFF'],
      },
    ],
  };
}
