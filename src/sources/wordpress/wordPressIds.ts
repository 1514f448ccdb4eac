/** WordPress ids are positive integers; anything else (from an old link or a crafted global id) is a miss without a call. */
export function isWordPressId(id: string): boolean {
  return /^[1-9]\d{0,18}$/.test(id);
}

/**
 * WordPress splits `slug=` on commas and sanitizes each slug, so a slug with a comma would ask for other
 * posts; such keys can only be misses. Results are matched back by exact slug, so a sanitized variant
 * WordPress answers with is a miss too.
 */
export function isUsableSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= 200 && !slug.includes(',');
}
