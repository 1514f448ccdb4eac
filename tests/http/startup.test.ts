import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FakeWordPress, startFakeWordPress } from '../support/fakeUpstreams';
import { REFERENCE_AUTHOR, REFERENCE_SLUG, REFERENCE_TITLE } from '../support/fixtures';

const ENTRY = join(__dirname, '../../src/index.ts');

/**
 * Runs the real entry point with only `env`, as `npm start` runs its build. ts-node compiles it on the fly
 * (esbuild-based loaders cannot emit the decorator metadata type-graphql reads).
 */
function startGatewayProcess(env: Record<string, string>): ChildProcess & { output: () => { stdout: string; stderr: string } } {
  const child = spawn(process.execPath, ['--require', 'ts-node/register/transpile-only', ENTRY], {
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return Object.assign(child, { output: () => ({ stdout, stderr }) });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once('exit', (code) => resolve(code));
  });
}

describe('start-up', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'gateway-startup-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('stops on bad configuration with one clear message naming every bad value, file fields too, and no stack trace', async () => {
    const file = join(directory, 'typo.json');
    writeFileSync(file, JSON.stringify({ sources: { authors: 'servcie' }, upstream: { timeoutMs: 0 } }));
    const child = startGatewayProcess({
      WORDPRESS_URL: 'wp.example.com',
      RELATED_TIMEOUT_MS: 'fast',
      UPSTREAM_RETRIES: '-1',
      PORT: '99999',
      GATEWAY_CONFIG: file,
    });
    expect(await exitOf(child)).toBe(1);
    const { stdout, stderr } = child.output();
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^Invalid configuration:\n/);
    for (const name of ['WORDPRESS_URL', 'RELATED_TIMEOUT_MS', 'UPSTREAM_RETRIES', 'PORT']) expect(stderr).toContain(`  - ${name}: `);
    expect(stderr).toContain(`  - GATEWAY_CONFIG (${file}) sources.authors: must be demo, wordpress or service`);
    expect(stderr).toContain(`  - GATEWAY_CONFIG (${file}) upstream.timeoutMs: `);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('stops on a config file that is not JSON the same way', async () => {
    const file = join(directory, 'broken.json');
    writeFileSync(file, '{ "sources": { "posts": "wordpress", }');
    const child = startGatewayProcess({ GATEWAY_CONFIG: file });
    expect(await exitOf(child)).toBe(1);
    const { stderr } = child.output();
    expect(stderr.startsWith(`Invalid configuration:\n  - GATEWAY_CONFIG (${file}): not valid JSON: `)).toBe(true);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  describe('with WORDPRESS_URL', () => {
    let wp: FakeWordPress;
    beforeAll(async () => {
      wp = await startFakeWordPress();
    });
    afterAll(() => wp.close());

    it('federates posts, authors and topics from that site, and stops cleanly on SIGTERM', async () => {
      const child = startGatewayProcess({ WORDPRESS_URL: wp.url, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
      try {
        const port = await new Promise<number>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`gateway did not start: ${JSON.stringify(child.output())}`)), 15_000);
          child.stdout?.on('data', () => {
            const match = /gateway ready at http:\/\/[^:]+:(\d+)\/graphql/.exec(child.output().stdout);
            if (match) {
              clearTimeout(timer);
              resolve(Number(match[1]));
            }
          });
          child.once('exit', () => {
            clearTimeout(timer);
            reject(new Error(`gateway exited: ${child.output().stderr}`));
          });
        });
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: '{ post(slug: "' + REFERENCE_SLUG + '") { title author { name } topics { name } relatedStories(first: 3) { title } } }' }),
        });
        const body = (await response.json()) as { data: { post: { title: string; author: { name: string }; topics: unknown[]; relatedStories: unknown[] } } };
        expect(body.data.post).toMatchObject({ title: REFERENCE_TITLE, author: { name: REFERENCE_AUTHOR.name } });
        expect(body.data.post.topics).toHaveLength(3);
        expect(body.data.post.relatedStories).toHaveLength(3);
        expect(wp.count('/wp/v2/posts')).toBeGreaterThan(0);
        expect(child.output().stdout).toContain('found the WordPress REST API');
      } finally {
        child.kill('SIGTERM');
      }
      expect(await exitOf(child)).toBe(0);
    });
  });
});
