/*
 * WordPress ends excerpts with its own "read more" markup: core appends ` [&hellip;]` to generated
 * excerpts, and most themes swap that for a link such as `<a class="more-link" href="…">Continue reading
 * <span class="screen-reader-text">"Title"</span></a>`. None of it is summary text, and a teaser that ends
 * in "Continue reading" under a different link would mislead, so it goes before the HTML becomes text.
 */

/** Anchors that are "more" links by class or by their usual wording. */
const MORE_LINK = /<a\b[^>]*\bclass\s*=\s*["'][^"']*\b(?:more-link|read-more|more)\b[^"']*["'][^>]*>[\s\S]*?<\/a>/gi;
const MORE_WORDING = /<a\b[^>]*>\s*(?:(?:continue reading|read more)\b[\s\S]*?|more\s*(?:&raquo;|&#187;|»|&rarr;|&#8594;|→)?\s*)<\/a>/gi;
/** Core's bracketed marker, as entity, character or three dots. A bare ellipsis stays: it is honest text. */
const BRACKETED_MARKER = /\s*\[\s*(?:&hellip;|&#8230;|&#x2026;|…|\.\.\.)\s*\]/gi;

export function cleanExcerpt(html: string): string {
  let cleaned = html.replace(MORE_LINK, '').replace(MORE_WORDING, '');
  // Themes often wrap the link (`<p class="link-more">…</p>`); the emptied wrapper goes too.
  cleaned = cleaned.replace(/<(p|span|div)\b[^>]*>\s*<\/\1>/gi, '');
  cleaned = cleaned.replace(BRACKETED_MARKER, '');
  return cleaned;
}
