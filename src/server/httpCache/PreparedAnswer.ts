import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chooseEncoding, type ContentEncoding } from './chooseEncoding';

/** Smaller bodies gain nothing worth a compression: a packet is a packet. */
const MIN_COMPRESSED_BYTES = 1024;
/**
 * Each body is compressed once per cache entry (or once for a miss), synchronously on the request that
 * first wants that coding: levels that keep that first request's cost well under a millisecond for a page.
 * Brotli 5 compresses GraphQL JSON about as well as gzip 9, far faster than brotli's default 11.
 */
const BROTLI_OPTIONS = { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT } };
const GZIP_OPTIONS = { level: 6 };

type Headers = Record<string, string | number>;

interface Variant {
  encoding: ContentEncoding;
  body: Buffer;
  etag: string;
  /** The headers to write, without and with CORS's `Vary: Origin` (set on the response before us). */
  headers?: Headers;
  headersVaryingByOrigin?: Headers;
}

export interface AnswerOptions {
  /** gzip and brotli per Accept-Encoding; false leaves compression to a CDN or proxy in front. */
  compression: boolean;
  /** Written as `X-Cache` (a stored entry's `HIT`); absent when the route has set it. */
  xCache?: string;
}

export interface AnswerRequest {
  'accept-encoding'?: string;
  'if-none-match'?: string;
}

/**
 * One GraphQL answer ready to write, as often as asked: its bytes, a strong ETag, and its compressed
 * variants, each made once, with the complete header object of every variant computed once too, so a
 * cache hit only picks a variant, compares the ETag and writes. `Vary` names Accept (the response cache
 * keys on it) and Accept-Encoding when compressing, plus Origin where CORS has said the answer varies by it.
 */
export class PreparedAnswer {
  private readonly variants: Partial<Record<ContentEncoding, Variant>>;
  private readonly baseHeaders: Headers;
  private readonly vary: string;

  constructor(
    readonly status: number,
    headers: Iterable<[string, string]>,
    identity: Buffer,
    private readonly options: AnswerOptions,
    /** Variants already made for the same bytes (a miss's, handed to the entry it is stored as). */
    shared?: PreparedAnswer,
  ) {
    const base: Headers = {};
    for (const [name, value] of headers) base[name] = value;
    if (options.xCache) base['x-cache'] = options.xCache;
    this.baseHeaders = base;
    this.vary = options.compression ? 'Accept, Accept-Encoding' : 'Accept';
    this.variants = {};
    const from = shared?.variants ?? {};
    for (const encoding of Object.keys(from) as ContentEncoding[]) {
      const variant = from[encoding] as Variant;
      this.variants[encoding] = { encoding, body: variant.body, etag: variant.etag };
    }
    this.variants.identity ??= { encoding: 'identity', body: identity, etag: `"${createHash('sha1').update(identity).digest('base64url')}"` };
  }

  /** The same bytes and compressed variants, with other fixed headers (a stored entry's `X-Cache: HIT`). */
  withOptions(options: AnswerOptions): PreparedAnswer {
    return new PreparedAnswer(this.status, Object.entries(this.baseHeaders).filter(([name]) => name !== 'x-cache') as [string, string][], this.variants.identity!.body, options, this);
  }

  /** Writes the answer for this request: its coding, or a 304 without a body when its ETag matches. */
  send(res: ServerResponse, request: AnswerRequest, headOnly: boolean): void {
    const variant = this.variant(this.options.compression ? chooseEncoding(request['accept-encoding']) : 'identity');
    const headers = res.hasHeader('vary') ? (variant.headersVaryingByOrigin ??= this.headersOf(variant, true)) : (variant.headers ??= this.headersOf(variant, false));
    const ifNoneMatch = request['if-none-match'];
    if (ifNoneMatch !== undefined && this.status === 200 && etagMatches(ifNoneMatch, variant.etag)) {
      res.writeHead(304, notModifiedHeaders(headers));
      res.end();
      return;
    }
    res.writeHead(this.status, headers);
    res.end(headOnly ? undefined : variant.body);
  }

  private variant(encoding: ContentEncoding): Variant {
    const existing = this.variants[encoding];
    if (existing) return existing;
    const identity = this.variants.identity as Variant;
    if (identity.body.length < MIN_COMPRESSED_BYTES) return identity;
    const body = encoding === 'br' ? brotliCompressSync(identity.body, BROTLI_OPTIONS) : gzipSync(identity.body, GZIP_OPTIONS);
    // A strong ETag names one representation: each coding has its own.
    const made: Variant = { encoding, body, etag: `${identity.etag.slice(0, -1)}-${encoding}"` };
    this.variants[encoding] = made;
    return made;
  }

  private headersOf(variant: Variant, varyingByOrigin: boolean): Headers {
    const headers: Headers = { ...this.baseHeaders, vary: varyingByOrigin ? `Origin, ${this.vary}` : this.vary, etag: variant.etag, 'content-length': variant.body.length };
    if (variant.encoding !== 'identity') headers['content-encoding'] = variant.encoding;
    return headers;
  }
}

/** If-None-Match uses the weak comparison (RFC 9110 §13.1.2): a CDN may have weakened our tag. */
function etagMatches(ifNoneMatch: string, etag: string): boolean {
  if (ifNoneMatch.trim() === '*') return true;
  for (const candidate of ifNoneMatch.split(',')) {
    const tag = candidate.trim();
    if ((tag.startsWith('W/') ? tag.slice(2) : tag) === etag) return true;
  }
  return false;
}

/** A 304 carries what a 200 would have said about caching, not the body's description. */
function notModifiedHeaders(headers: Headers): Headers {
  const { 'content-length': _length, 'content-type': _type, 'content-encoding': _encoding, ...kept } = headers;
  return kept;
}
