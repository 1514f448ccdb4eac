import { z } from 'zod';

/** How one kind of value is read from an environment variable (always text) and from a JSON config-file field. */
export interface ValueType<T> {
  /** `label` names the setting in messages such as "UPSTREAM_RETRIES must be 0 to 5". */
  fromEnv(label: string): z.ZodType<T>;
  fromFile(label: string): z.ZodType<T>;
  /** How the README shows a value. */
  show(value: T): string;
}

/** A whole number from `min` (0 or 1, usually) up to `max` when given. */
export function integer({ min, max }: { min: number; max?: number }): ValueType<number> {
  const checked = (base: z.ZodNumber | z.ZodCoercedNumber, label: string) => {
    const whole = base.int(`${label} must be a whole number`);
    if (max !== undefined) return whole.min(min, `${label} must be ${min} to ${max}`).max(max, `${label} must be ${min} to ${max}`);
    return whole.min(min, min === 1 ? `${label} must be greater than 0` : `${label} must be ${min} or more`);
  };
  return {
    fromEnv: (label) => checked(z.coerce.number({ error: `${label} must be a number` }), label),
    fromFile: (label) => checked(z.number({ error: `${label} must be a number` }), label),
    show: String,
  };
}

/** A share in percent, 1 to 100. */
export const percent: ValueType<number> = {
  fromEnv: (label) => z.coerce.number({ error: `${label} must be a number` }).min(1, `${label} must be 1 to 100`).max(100, `${label} must be 1 to 100`),
  fromFile: (label) => z.number({ error: `${label} must be a number` }).min(1, `${label} must be 1 to 100`).max(100, `${label} must be 1 to 100`),
  show: String,
};

/** `true`/`false` (also `1`/`0`, `yes`/`no` in the environment). */
export const flag: ValueType<boolean> = {
  fromEnv: () =>
    z.enum(['true', 'false', '1', '0', 'yes', 'no'], { error: 'must be true or false' }).transform((value) => value === 'true' || value === '1' || value === 'yes'),
  fromFile: () => z.boolean({ error: 'must be true or false' }),
  show: String,
};

/** "a, b or c". */
export function alternatives(values: readonly string[]): string {
  return values.length === 1 ? String(values[0]) : `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`;
}

export function oneOf<const V extends readonly [string, ...string[]]>(values: V): ValueType<V[number]> {
  const schema = () => z.enum(values, { error: `must be ${alternatives(values)}` }) as unknown as z.ZodType<V[number]>;
  return { fromEnv: schema, fromFile: schema, show: String };
}

export function text({ pattern, message }: { pattern?: RegExp; message?: string } = {}): ValueType<string> {
  const schema = () => (pattern ? z.string().regex(pattern, { error: message }) : z.string({ error: message ?? 'must be text' }).min(1));
  return { fromEnv: schema, fromFile: schema, show: String };
}

export const httpUrl: ValueType<string> = {
  fromEnv: () => z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
  fromFile: () => z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' }),
  show: String,
};

const redisUrlSchema = () =>
  z.string().refine((value) => URL.canParse(value) && /^rediss?:$/.test(new URL(value).protocol), { error: 'must be a redis:// or rediss:// URL' });

export const redisUrl: ValueType<string> = { fromEnv: redisUrlSchema, fromFile: redisUrlSchema, show: String };

const ORIGIN_LIST_ERROR =
  'must be * or a comma-separated list of origins such as https://www.example.com (scheme and host, no path; `:*` for any port)';
const validOrigins = (origins: string[]) => origins.every((origin) => origin === '*' || /^https?:\/\/[^/\s*:]+(:(\d+|\*))?$/.test(origin) || /^https?:\/\/\[[0-9a-f:.]+\](:(\d+|\*))?$/i.test(origin));

/**
 * `*`, or origins such as `https://www.example.com` (`http://localhost:*` for any port): comma-separated
 * in the environment, an array in the file.
 */
export const originList: ValueType<string[]> = {
  fromEnv: () =>
    z
      .string()
      .transform((value) => value.split(',').map((origin) => origin.trim()).filter(Boolean))
      .refine(validOrigins, { error: ORIGIN_LIST_ERROR }),
  fromFile: () => z.array(z.string(), { error: 'must be an array of origins' }).refine(validOrigins, { error: ORIGIN_LIST_ERROR }),
  show: (origins) => origins.join(','),
};

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9a-z-]+$/i;

/** HTTP header names, comma-separated in the environment, an array in the file; kept lower-case. */
export const headerNameList: ValueType<string[]> = {
  fromEnv: () =>
    z
      .string()
      .transform((value) => value.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean))
      .refine((names) => names.every((name) => HEADER_NAME.test(name)), { error: 'must be a comma-separated list of header names' }),
  fromFile: () =>
    z
      .array(z.string(), { error: 'must be an array of header names' })
      .transform((names) => names.map((name) => name.trim().toLowerCase()))
      .refine((names) => names.every((name) => HEADER_NAME.test(name)), { error: 'must be an array of header names' }),
  show: (names) => names.join(','),
};

/** Text that must not appear in the README or in messages. */
export function secretText(minLength: number): ValueType<string> {
  const schema = () => z.string().min(minLength, { error: `must be at least ${minLength} characters` });
  return { fromEnv: schema, fromFile: schema, show: () => '(secret)' };
}
