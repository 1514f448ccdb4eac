/**
 * `npm run bench:profile -- <file.cpuprofile>…`: where a profiled gateway spent its CPU, by module group and
 * by function (self time, idle excluded). Profiles come from `BENCH_CPU_PROFILE_DIR=… npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { type CpuProfile, moduleGroup, selfTimes } from './lib/cpuProfile';

const files = process.argv.slice(2);
if (files.length === 0) {
  process.stderr.write('usage: npm run bench:profile -- <file.cpuprofile> [more files]\n');
  process.exit(1);
}
for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  process.stdout.write(`\n${file}\n  by module group (self time, share of busy time):\n`);
  for (const { name, share } of selfTimes(profile, (frame) => moduleGroup(frame.url), 15)) {
    process.stdout.write(`  ${(share * 100).toFixed(1).padStart(5)} %  ${name}\n`);
  }
  process.stdout.write('  by function:\n');
  const where = (url: string, line: number) => `${url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${line + 1}`;
  for (const { name, share } of selfTimes(profile, (frame) => `${frame.functionName || '(anonymous)'}  ${where(frame.url, frame.lineNumber)}`, 25)) {
    process.stdout.write(`  ${(share * 100).toFixed(1).padStart(5)} %  ${name}\n`);
  }
}
