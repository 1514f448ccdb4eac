/** WordPress's `X-WP-Total`: how many items match across all pages; undefined when absent or odd. */
export function totalFrom(header: string | string[] | undefined): number | undefined {
  const value = Number(Array.isArray(header) ? header[0] : header);
  return header !== undefined && Number.isSafeInteger(value) && value >= 0 ? value : undefined;
}
