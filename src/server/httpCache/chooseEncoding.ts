/** The content codings the gateway sends; `identity` is the body as it is. */
export type ContentEncoding = 'br' | 'gzip' | 'identity';

/** Browsers and CDNs send a handful of distinct Accept-Encoding values: each is parsed once. */
const chosen = new Map<string, ContentEncoding>();
const MAX_REMEMBERED = 64;

/**
 * The coding to answer with, from Accept-Encoding (RFC 9110 §12.5.3): brotli when allowed, then gzip, else
 * the identity; a q of 0 refuses a coding and `*` stands for the codings not named.
 */
export function chooseEncoding(acceptEncoding: string | undefined): ContentEncoding {
  if (!acceptEncoding) return 'identity';
  let encoding = chosen.get(acceptEncoding);
  if (encoding === undefined) {
    encoding = parse(acceptEncoding);
    if (chosen.size >= MAX_REMEMBERED) chosen.clear();
    chosen.set(acceptEncoding, encoding);
  }
  return encoding;
}

function parse(header: string): ContentEncoding {
  const weights = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((param) => param.trim()).find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2));
    if (name) weights.set(name.trim(), Number.isFinite(weight) ? weight : 0);
  }
  const weightOf = (name: string) => weights.get(name) ?? weights.get('*') ?? 0;
  const br = weightOf('br');
  const gzip = weightOf('gzip');
  if (br > 0 && br >= gzip) return 'br';
  if (gzip > 0) return 'gzip';
  return 'identity';
}
