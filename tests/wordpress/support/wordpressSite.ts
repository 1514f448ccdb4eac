import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CHILD_START_ATTEMPTS, CHILD_START_TIMEOUT_MS, REPO_ROOT } from '../../support/fixtures';
import { freePort, spawnTracked, waitUntilReady } from './childProcesses';

const WORK_DIR = process.env.WORDPRESS_WORK_DIR ? resolve(process.env.WORDPRESS_WORK_DIR) : join(REPO_ROOT, '.wordpress');

/** What scripts/wordpress/setup.sh wrote: where the site lives and the ids WordPress gave the seed. */
export interface SiteManifest {
  wordpress: string;
  php: string;
  database: string;
  theme: string;
  authors: Record<string, number>;
  categories: Record<string, number>;
  tags: Record<string, number>;
  media: Record<string, number>;
  posts: Record<string, number>;
  /** What seed.json's `preview` made: the editor, the autosaved post and its autosave, the draft without a slug. */
  preview: { editor: string; editorId: number; autosavedPostId: number; autosaveId: number; unnamedDraftId: number };
}

let manifest: SiteManifest | undefined;

export function siteManifest(): SiteManifest {
  if (manifest) return manifest;
  const file = join(WORK_DIR, 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(`No seeded WordPress in ${WORK_DIR}. Run \`npm run test:wordpress\` (it sets the site up), or scripts/wordpress/setup.sh first.`);
  }
  manifest = JSON.parse(readFileSync(file, 'utf8')) as SiteManifest;
  return manifest;
}

/** The seeded editor's application password, which setup.sh keeps in the work directory (never in the repository). */
export function previewAppPassword(): string {
  const file = join(WORK_DIR, 'preview-app-password');
  if (!existsSync(file)) throw new Error(`No ${file}: run \`npm run test:wordpress\` (its setup makes the preview editor's application password).`);
  return readFileSync(file, 'utf8').trim();
}

export function idOf(kind: 'authors' | 'categories' | 'tags' | 'media' | 'posts', slug: string): number {
  const id = siteManifest()[kind][slug];
  if (id === undefined) throw new Error(`the seeded site has no ${kind} "${slug}"`);
  return id;
}

export interface WordPressOptions {
  /** Serve under another installed theme (themes end automatic excerpts differently). */
  theme?: 'twentytwentyone' | 'twentytwentythree';
  /** Serve as a site without pretty permalinks: no /wp-json/ path, the REST API only at ?rest_route=. */
  plainPermalinks?: boolean;
  /** Further environment for PHP's server (e.g. the purge plugin's NEWSROOM_GATEWAY_URL, which it reads with getenv). */
  env?: Record<string, string>;
}

export interface WordPressServer {
  /** Site URL, e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  output(): string;
  stop(): Promise<void>;
}

/** Starts scripts/wordpress/serve.sh (PHP's built-in server) on a free loopback port and waits until WordPress answers. */
export async function startWordPress(options: WordPressOptions = {}): Promise<WordPressServer> {
  siteManifest();
  let lastError: unknown;
  for (let attempt = 1; attempt <= CHILD_START_ATTEMPTS; attempt += 1) {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, WORDPRESS_WORK_DIR: WORK_DIR };
    delete env.WORDPRESS_THEME;
    delete env.WORDPRESS_PERMALINKS;
    if (options.theme) env.WORDPRESS_THEME = options.theme;
    if (options.plainPermalinks) env.WORDPRESS_PERMALINKS = 'plain';
    const spawned = spawnTracked('bash', [join(REPO_ROOT, 'scripts', 'wordpress', 'serve.sh'), String(port)], { cwd: REPO_ROOT, env });
    try {
      // The ?rest_route= form answers with and without pretty permalinks.
      await waitUntilReady(`WordPress (PHP's server on port ${port})`, spawned, async () => {
        const response = await fetch(`${url}/?rest_route=/`, { signal: AbortSignal.timeout(5_000) });
        await response.arrayBuffer();
        return response.status === 200;
      }, CHILD_START_TIMEOUT_MS);
      return { url, port, output: spawned.output, stop: () => spawned.stop() };
    } catch (error) {
      lastError = error;
      await spawned.stop();
      // Only a lost race for the port is worth another attempt.
      if (!/Address already in use/i.test(spawned.output())) break;
    }
  }
  throw lastError;
}
