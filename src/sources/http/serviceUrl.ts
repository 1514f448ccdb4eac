/**
 * Builds `{base}/{path}?{params}` for a service configured by URL. The base may carry a path prefix
 * (`http://people.internal/api/v1`), which `new URL(path, base)` alone would drop without a trailing slash.
 */
export function serviceUrl(base: string, path: string, params: Record<string, string | number | undefined>): URL {
  const root = new URL(base);
  if (!root.pathname.endsWith('/')) root.pathname = `${root.pathname}/`;
  const url = new URL(path.replace(/^\/+/, ''), root);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url;
}
