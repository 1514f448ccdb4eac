// Compiles src/ to dist/ with tsc and records which sources dist/ was built from (a SHA-256 over every
// compiled input, in dist/.sources-sha256). `npm start` (scripts/start.cjs) calls build({ ifStale: true }):
// it compiles only when that record differs, so starting an unchanged checkout costs a hash of ~200 files
// (about 0.1 s), not a tsc run (10 s and more).
// A content hash rather than mtimes: git checkouts, stashes and copies rewrite mtimes without changing code.
const { createHash } = require('node:crypto');
const { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = join(__dirname, '..');
const DIST = join(ROOT, 'dist');
const STAMP = join(DIST, '.sources-sha256');

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

function sourcesHash() {
  const hash = createHash('sha256');
  // The compiler's version changes the output too.
  hash.update(`typescript ${require('typescript/package.json').version}\0`);
  const inputs = [...filesUnder(join(ROOT, 'src')), join(ROOT, 'tsconfig.json'), join(ROOT, 'tsconfig.build.json')].sort();
  for (const file of inputs) hash.update(`${relative(ROOT, file)}\0`).update(readFileSync(file)).update('\0');
  return hash.digest('hex');
}

/** Builds dist/; with `ifStale`, only when src/ differs from what it was built from. Exits the process when tsc fails. */
function build({ ifStale }) {
  const wanted = sourcesHash();
  if (ifStale && existsSync(join(DIST, 'index.js')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === wanted) return;
  if (ifStale) process.stderr.write('src/ changed since dist/ was built: building (npm run build)\n');
  // A clean build: a deleted source must not live on as a stale module in dist/.
  rmSync(DIST, { recursive: true, force: true });
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit', cwd: ROOT });
  if (tsc.status !== 0) process.exit(tsc.status ?? 1);
  writeFileSync(STAMP, wanted);
}

module.exports = { build };

if (require.main === module) build({ ifStale: process.argv.includes('--if-stale') });
