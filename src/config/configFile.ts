import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { RetiredField } from './Section';
import type { Setting } from './Setting';

interface SchemaNode {
  leaf?: z.ZodType;
  children: Map<string, SchemaNode>;
}

/**
 * The strict schema of the GATEWAY_CONFIG file, built from the settings' file paths: every field is
 * optional, unknown fields are refused (a typo should not pass silently), and retired fields are refused
 * with a message naming what replaced them.
 */
export function configFileSchema(settings: readonly Setting[], retired: readonly RetiredField[]): z.ZodType<Record<string, unknown>> {
  const root: SchemaNode = { children: new Map() };
  const place = (path: string, schema: z.ZodType) => {
    let node = root;
    for (const segment of path.split('.')) {
      if (node.leaf) throw new Error(`config file field ${path} lies inside another field`);
      let child = node.children.get(segment);
      if (!child) node.children.set(segment, (child = { children: new Map() }));
      node = child;
    }
    if (node.leaf || node.children.size > 0) throw new Error(`two settings read the config file field ${path}`);
    node.leaf = schema.optional();
  };
  for (const setting of settings) {
    if (setting.file) place(setting.file, setting.type.fromFile(setting.file.split('.').at(-1) as string));
  }
  for (const field of retired) place(field.file, z.never({ error: field.message }));
  const objectOf = (node: SchemaNode): z.ZodType =>
    z.strictObject(Object.fromEntries([...node.children].map(([key, child]) => [key, child.leaf ?? objectOf(child).optional()])));
  return objectOf(root) as z.ZodType<Record<string, unknown>>;
}

/** The value at a dotted path of the parsed file, or undefined. */
export function fieldAt(file: Record<string, unknown>, path: string): unknown {
  let value: unknown = file;
  for (const segment of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** Reads and checks the file; on any problem, reports it and reads nothing from the file (so nothing is reported twice). */
export function readConfigFile(
  path: string,
  label: string,
  schema: z.ZodType<Record<string, unknown>>,
  readFile: ((path: string) => string) | undefined,
  problems: string[],
): Record<string, unknown> {
  let text: string;
  try {
    text = (readFile ?? ((file) => readFileSync(file, 'utf8')))(path);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    problems.push(`${label}: cannot read the file: ${reason}`);
    return {};
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    problems.push(`${label}: not valid JSON: ${(error as Error).message}`);
    return {};
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((issue) => `${label} ${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`));
    return {};
  }
  return parsed.data;
}
