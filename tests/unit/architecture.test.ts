import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The rules the folder tree promises (README "How the code is organised"), checked on the source itself:
 * no import cycle in src/ (type-only imports count), no code file over 300 lines, the environment read
 * only by src/index.ts, and upstream HTTP only under src/sources/.
 */
const SRC = resolve(__dirname, '../../src');
const MAX_LINES = 300;

function codeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return codeFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const files = codeFiles(SRC);
const text = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
const name = (file: string) => relative(SRC, file);

/** Every module a file imports from src/, type-only imports and re-exports included. */
function importsOf(file: string): string[] {
  const source = text.get(file) as string;
  const specifiers = [...source.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g), ...source.matchAll(/(?:import|require)\(\s*'([^']+)'\s*\)/g)].map((match) => match[1] as string);
  return specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => resolve(dirname(file), specifier))
    .flatMap((target) => [`${target}.ts`, join(target, 'index.ts')].filter((candidate) => text.has(candidate)).slice(0, 1));
}

describe('source layout', () => {
  it('has no import cycle in src/, type-only imports included', () => {
    const graph = new Map(files.map((file) => [file, importsOf(file)]));
    const cycles: string[] = [];
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'visiting');
      stack.push(file);
      for (const next of graph.get(file) ?? []) {
        if (state.get(next) === 'visiting') cycles.push([...stack.slice(stack.indexOf(next)), next].map(name).join(' -> '));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });

  it(`keeps every code file in src/ within ${MAX_LINES} lines (data files aside)`, () => {
    const long = files.filter((file) => (text.get(file) as string).split('\n').length > MAX_LINES).map(name);
    expect(long).toEqual([]);
  });

  it('reads process.env only in src/index.ts', () => {
    const readers = files.filter((file) => /process\.env/.test(text.get(file) as string)).map(name);
    expect(readers).toEqual(['index.ts']);
  });

  it('speaks HTTP to upstreams only under src/sources/', () => {
    const clients = files
      // HTTP clients: undici, node:http(s) requests, the global fetch. (Serving with node:http is not speaking to an upstream.)
      .filter((file) => /from 'undici'|import \{[^}]*\b(request|get)\b[^}]*\} from 'node:https?'|\bhttps?\.(request|get)\(|globalThis\.fetch|\bfetch\(\s*(new URL|`|'http)/.test(text.get(file) as string))
      .map(name)
      .filter((file) => !file.startsWith('sources/'));
    expect(clients).toEqual([]);
  });

  it('keeps config a leaf: it imports nothing from src/ outside src/config/', () => {
    const configFiles = files.filter((file) => name(file).startsWith('config'));
    const outside = configFiles.flatMap((file) => importsOf(file).filter((target) => !name(target).startsWith('config')).map((target) => `${name(file)} -> ${name(target)}`));
    expect(outside).toEqual([]);
  });
});
