/**
 * A/B of builds, for performance work: npm run build, copy dist inside the repository (so its requires find
 * node_modules) next to a link to operations/ (the trusted-documents manifest is found from dist's
 * parent), e.g. `mkdir -p .perf/a && cp -r dist .perf/a/ && ln -s "$PWD/operations" .perf/a/`; repeat
 * per variant, then:
 *   npx tsx bench/compare.tmp.ts before=.perf/a/dist after=.perf/b/dist,LOG_LEVEL=info
 * Starts, per build, a warm server (RESPONSE_CACHE=false: every request executes) and a response-cache
 * server, in production mode, plus the raw ceiling (bench/servers/raw.ts answering the same bytes), then
 * loads them with ArticlePage in alternating rounds and prints medians of rps, server CPU µs/request and
 * the ratio to raw. `label=dir,NAME=value` adds environment for that build. Env: ROUNDS (3), SECONDS (5),
 * LOG (warn), MODES (warm,rc), QUERY (another query text), PAIRED=1 (load raw right before each server
 * and take each ratio against that run: on a shared machine, contention then moves both sides alike).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startChildServer, type ChildServer } from './lib/childServer';
import { runLoad } from './lib/load';

const query = readFileSync('operations/ArticlePage.graphql', 'utf8');
const body = process.env.QUERY ? JSON.stringify({ query: process.env.QUERY }) : JSON.stringify({ query, variables: { slug: 'lee-jae-myung-to-visit-japan-for-summit-with-takaichi-after-xi-meeting' } });
const rounds = Number(process.env.ROUNDS ?? 3);
const seconds = Number(process.env.SECONDS ?? 5);
const logLevel = process.env.LOG ?? 'warn';
const modes = (process.env.MODES ?? 'warm,rc').split(',');
// label=dir[,NAME=value...] runs the build with extra environment (NODE_OPTIONS, LOG_LEVEL, ...).
const dists = process.argv.slice(2).map((arg) => {
  const [head, ...extras] = arg.split(',');
  const [label, dir] = (head as string).split('=');
  const extraEnv = Object.fromEntries(extras.map((extra) => [extra.slice(0, extra.indexOf('=')), extra.slice(extra.indexOf('=') + 1)]));
  return { label: label as string, dir: dir as string, extraEnv };
});

const rawBodyFile = join(mkdtempSync(join(tmpdir(), 'compare-')), 'raw-body.json');

(async () => {
  const servers: ChildServer[] = [];
  for (const { label, dir, extraEnv } of dists) {
    for (const mode of modes) {
      const env: Record<string, string> = { NODE_ENV: 'production', LOG_LEVEL: logLevel, ...extraEnv };
      if (mode === 'warm') env.RESPONSE_CACHE = 'false';
      servers.push(await startChildServer({ name: `${label}:${mode}`, command: 'node', args: [`${dir}/index.js`], env, port: await freePort(), readyPath: '/healthz' }));
    }
  }
  const first = servers[0] as ChildServer;
  const response = await fetch(`${first.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  writeFileSync(rawBodyFile, Buffer.from(await response.arrayBuffer()));
  for (const server of servers) {
    const check = await fetch(`${server.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const text = await check.text();
    if (text !== readFileSync(rawBodyFile, 'utf8')) console.log(`WARNING ${server.name} answers different bytes`);
  }
  const raw = await startChildServer({ name: 'raw', command: 'node', args: ['--import', 'tsx', 'bench/servers/raw.ts'], env: { RAW_BODY_FILE: rawBodyFile }, port: await freePort(), readyPath: '/' });
  const all = [raw, ...servers];
  // Warm-up: JIT and caches.
  for (const server of all) await runLoad({ url: `${server.url}/graphql`, connections: 20, durationSeconds: 2, body }, server);
  const samples = new Map<string, { rps: number[]; cpu: number[]; ratio: number[] }>();
  // PAIRED=1: raw is loaded right before each server, and each server's ratio is taken against that raw run,
  // so contention from other work on the machine shifts both sides of a ratio alike.
  if (process.env.PAIRED) {
    for (let round = 0; round < rounds; round += 1) {
      for (const server of servers) {
        const base = await runLoad({ url: `${raw.url}/graphql`, connections: 20, durationSeconds: seconds, body }, raw);
        const result = await runLoad({ url: `${server.url}/graphql`, connections: 20, durationSeconds: seconds, body }, server);
        for (const [name, r, ratio] of [['raw', base, 1], [server.name, result, result.rps / base.rps]] as const) {
          const entry = samples.get(name) ?? { rps: [], cpu: [], ratio: [] };
          entry.rps.push(r.rps);
          entry.cpu.push(r.cpuMicrosPerRequest ?? NaN);
          entry.ratio.push(ratio);
          samples.set(name, entry);
        }
        console.log(`round ${round}`, server.name.padEnd(16), 'raw', base.rps, base.cpuMicrosPerRequest, '|', result.rps, 'rps', result.cpuMicrosPerRequest, 'cpu us/req', 'ratio', (result.rps / base.rps).toFixed(3), 'non2xx', result.non2xx);
      }
    }
  }
  for (let round = 0; round < (process.env.PAIRED ? 0 : rounds); round += 1) {
    for (const server of all) {
      const result = await runLoad({ url: `${server.url}/graphql`, connections: 20, durationSeconds: seconds, body }, server);
      const entry = samples.get(server.name) ?? { rps: [], cpu: [], ratio: [] };
      entry.rps.push(result.rps);
      entry.cpu.push(result.cpuMicrosPerRequest ?? NaN);
      samples.set(server.name, entry);
      console.log(`round ${round}`, server.name.padEnd(16), String(result.rps).padStart(9), 'rps', String(result.cpuMicrosPerRequest).padStart(8), 'cpu us/req', 'non2xx', result.non2xx);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;
  const rawRps = median(samples.get('raw')!.rps);
  console.log('\nmedians');
  for (const [name, entry] of samples) {
    const rps = median(entry.rps);
    const ratio = entry.ratio.length > 0 ? median(entry.ratio) : rps / rawRps;
    console.log(name.padEnd(16), String(Math.round(rps)).padStart(7), 'rps', String(Math.round(median(entry.cpu))).padStart(6), 'cpu us/req', 'ratio', ratio.toFixed(3));
  }
  await Promise.all(all.map((server) => server.stop()));
})();
