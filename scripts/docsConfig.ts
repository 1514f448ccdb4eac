/**
 * Regenerates the README's configuration tables from the settings declared in src/config/
 * (`npm run docs:config`); tests/unit/configDocs.test.ts fails while they are stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { withConfigurationTables } from '../src/config/configTable';

const path = join(__dirname, '..', 'README.md');
const before = readFileSync(path, 'utf8');
const after = withConfigurationTables(before);
if (after === before) {
  process.stdout.write('README.md: configuration tables already up to date\n');
} else {
  writeFileSync(path, after);
  process.stdout.write('README.md: configuration tables regenerated\n');
}
