import { expectedTitle, type SeedPost } from './seedData';

/**
 * What "clean plain text" means for titles and excerpts: no tags, no HTML entities, none of WordPress's
 * excerpt trailers (core's "[&hellip;]", a theme's "Continue reading" link), and no stray whitespace.
 */
export function plainTextProblems(text: string): string[] {
  const problems: string[] = [];
  if (/<\/?[a-z][^>]*>/i.test(text)) problems.push('contains an HTML tag');
  if (/&(?:[a-z][a-z0-9]*|#[0-9]+|#x[0-9a-f]+);/i.test(text)) problems.push('contains an HTML entity');
  if (/\[(?:…|&hellip;|\.\.\.)\]/.test(text)) problems.push('contains WordPress\'s [&hellip;] excerpt marker');
  if (/continue reading/i.test(text)) problems.push('contains a theme\'s "Continue reading" link text');
  if (text !== text.trim() || /\s{2,}/.test(text)) problems.push('has untrimmed or doubled whitespace');
  return problems;
}

export function expectPlainText(text: string, what: string): void {
  const problems = plainTextProblems(text);
  if (problems.length > 0) throw new Error(`${what} is not clean plain text (${problems.join('; ')}): ${JSON.stringify(text)}`);
}

/**
 * An excerpt served with `maxLength` must be the post's summary as a reader sees it: the editor's excerpt
 * when there is one, otherwise the opening of the body; either whole or cut at a word boundary with "…".
 * The password-protected post has none: WordPress shows neither its excerpt nor its body anonymously.
 */
export function expectExcerptOf(post: SeedPost, excerpt: string, maxLength: number): void {
  const what = `excerpt(maxLength: ${maxLength}) of "${post.slug}"`;
  expectPlainText(excerpt, what);
  if (excerpt.length > maxLength) throw new Error(`${what} is ${excerpt.length} characters long: ${JSON.stringify(excerpt)}`);
  if (post.password) {
    if (excerpt !== '') throw new Error(`${what} must be empty (password-protected), got ${JSON.stringify(excerpt)}`);
    return;
  }
  const full = post.expect?.excerpt;
  const opening = post.expect?.excerptStartsWith;
  if (full === undefined && opening === undefined) throw new Error(`seed.json states no expected excerpt for "${post.slug}"`);
  const kept = excerpt.endsWith('…') ? excerpt.slice(0, -1).trimEnd() : excerpt;
  if (full !== undefined) {
    if (excerpt === full) return;
    if (excerpt.endsWith('…') && full.startsWith(kept) && kept.length > 0) return;
    throw new Error(`${what} should be ${JSON.stringify(full)} (or its start cut with "…"), got ${JSON.stringify(excerpt)}`);
  }
  // Automatic excerpt: the body's opening. Either the served text starts with the known opening, or it was
  // cut before the opening's end.
  const knownOpening = opening as string;
  if (kept.startsWith(knownOpening) || (excerpt.endsWith('…') && knownOpening.startsWith(kept) && kept.length > 0)) return;
  throw new Error(`${what} should start with ${JSON.stringify(knownOpening)}, got ${JSON.stringify(excerpt)}`);
}

export function expectTitleOf(post: SeedPost, title: string): void {
  expectPlainText(title, `title of "${post.slug}"`);
  if (title !== expectedTitle(post)) throw new Error(`title of "${post.slug}" should be ${JSON.stringify(expectedTitle(post))}, got ${JSON.stringify(title)}`);
}
