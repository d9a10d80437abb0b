// Folding for search and name matching: Vietnamese users type names with or without
// diacritics and in any case ("pa ve su" must find "Pa Vệ Sử"). NFD splits letters from
// their combining marks, which are then dropped; đ/Đ has no decomposition and is mapped by hand.

const COMBINING_MARKS = /[\u0300-\u036f]/g;

export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(COMBINING_MARKS, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Scores how well `query` matches `name`: 0 = no match; higher is better. */
export function matchScore(name: string, query: string): number {
  const q = foldText(query);
  if (q === '') return 0;
  const n = foldText(name);
  if (n === q) return 4;
  if (n.startsWith(q)) return 3;
  if (n.split(' ').some((word) => word.startsWith(q))) return 2;
  if (n.includes(q)) return 1;
  // every query word starts some word of the name, in any order: "su pa" finds "Pa Vệ Sử"
  const words = n.split(' ');
  return q.split(' ').every((qw) => words.some((w) => w.startsWith(qw))) ? 1 : 0;
}
