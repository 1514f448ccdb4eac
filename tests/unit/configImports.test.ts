import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const CONFIG = join(__dirname, '..', '..', 'src', 'config');

describe('src/config/', () => {
  it('imports nothing else from src/ (type-only imports included): it is a leaf everything else reads', () => {
    const outside: string[] = [];
    for (const file of readdirSync(CONFIG, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'))) {
      const text = readFileSync(join(CONFIG, file), 'utf8');
      for (const [, specifier] of text.matchAll(/(?:import|export)[^'";]*?from\s+'([^']+)'/g)) {
        if (!specifier?.startsWith('.')) continue;
        const target = relative(CONFIG, resolve(CONFIG, file, '..', specifier));
        if (target.startsWith('..')) outside.push(`${file} -> ${specifier}`);
      }
    }
    expect(outside).toEqual([]);
  });
});
