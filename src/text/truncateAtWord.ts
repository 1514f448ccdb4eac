const ELLIPSIS = '…';
/** Punctuation that reads badly right before an ellipsis ("rose, …"). */
const TRAILING_PUNCTUATION = /[\s,;:\-–—(\[{'"“‘]+$/u;

/**
 * Cuts plain text to at most `maxLength` characters at a word boundary, ending with "…" when cut.
 * Newsroom teaser rails that cut at a fixed character count end mid-word ("regional se"); this never does,
 * unless a single word is longer than the whole budget.
 */
export function truncateAtWord(text: string, maxLength: number): string {
  if (maxLength < 1) return '';
  if (text.length <= maxLength) return text;
  if (maxLength === 1) return ELLIPSIS;

  const budget = maxLength - ELLIPSIS.length;
  let cut = text.slice(0, budget + 1);
  const lastSpace = cut.lastIndexOf(' ');
  // `budget + 1` lets a word that ends exactly at the budget survive: its following space is then the cut.
  if (lastSpace > 0) {
    cut = cut.slice(0, lastSpace);
  } else {
    cut = cut.slice(0, budget);
    // Never leave half of a surrogate pair (an emoji) behind.
    if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  }
  cut = cut.replace(TRAILING_PUNCTUATION, '');
  return cut + ELLIPSIS;
}

export const WORDS_PER_MINUTE = 230;

export function readingTimeMinutes(wordCount: number): number {
  return Math.max(1, Math.round(wordCount / WORDS_PER_MINUTE));
}
