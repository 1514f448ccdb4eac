import { readFileSync, writeFileSync } from 'node:fs';
import { freePort, startChildServer } from './lib/childServer';
import { runLoad } from './lib/load';

const query = readFileSync('operations/ArticlePage.graphql', 'utf8');
const body = JSON.stringify({ query, variables: { slug: 'lee-jae-myung-to-visit-japan-for-summit-with-takaichi-after-xi-meeting' } });
(async () => {
  const gw = await startChildServer({ name: 'warm', command: 'node', args: ['dist/index.js'], env: { NODE_ENV: 'production', LOG_LEVEL: 'warn', RESPONSE_CACHE: 'false' }, port: await freePort(), readyPath: '/healthz' });
  const rc = await startChildServer({ name: 'respcache', command: 'node', args: ['dist/index.js'], env: { NODE_ENV: 'production', LOG_LEVEL: 'warn' }, port: await freePort(), readyPath: '/healthz' });
  const response = await fetch(`${gw.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  writeFileSync('/tmp/raw-body.json', Buffer.from(await response.arrayBuffer()));
  const raw = await startChildServer({ name: 'raw', command: 'node', args: ['--import', 'tsx', 'bench/servers/raw.ts'], env: { RAW_BODY_FILE: '/tmp/raw-body.json' }, port: await freePort(), readyPath: '/' });
  for (let round = 0; round < 2; round += 1) {
    for (const server of [raw, gw, rc]) {
      const result = await runLoad({ url: `${server.url}/graphql`, connections: 20, durationSeconds: 5, body }, server);
      console.log(server.name.padEnd(10), String(result.rps).padStart(9), 'rps', String(result.cpuMicrosPerRequest).padStart(8), 'cpu us/req p50', result.p50Ms, 'non2xx', result.non2xx);
    }
  }
  await Promise.all([gw.stop(), raw.stop(), rc.stop()]);
})();
