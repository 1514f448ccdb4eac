import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DemoNewsroom } from './DemoNewsroom';
// Type-only, so nothing loads at start-up in a gateway that never builds a demo source; it still puts the
// file in the compilation, which makes `tsc` copy it to dist/ beside this module and compare its shape
// with DemoNewsroom below.
import type committedNewsroom from './newsroom.json';

const NEWSROOM_FILE = join(__dirname, 'newsroom.json');

/**
 * The embedded demo newsroom as committed in newsroom.json (written by `npm run demo:generate`; a unit
 * test keeps the file equal to what the generator makes). Each call reads its own copy, so a caller that
 * edits or enlarges the newsroom never changes what another one reads.
 */
export function loadDemoNewsroom(): DemoNewsroom {
  return JSON.parse(readFileSync(NEWSROOM_FILE, 'utf8')) as typeof committedNewsroom as DemoNewsroom;
}
