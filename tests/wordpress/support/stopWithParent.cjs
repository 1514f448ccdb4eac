'use strict';
/*
 * Runs a command and stops its whole process group when standard input ends. The test process that
 * started this holds the other end of that pipe, so when the test process goes away, however it goes
 * (a failure, Ctrl-C, SIGKILL), PHP's server with its workers and the gateway go with it: no orphans left
 * serving on loopback.
 *
 *   node stopWithParent.cjs <command> [args...]     (started detached: it leads its own process group)
 */
const { spawn } = require('node:child_process');

const [command, ...args] = process.argv.slice(2);
if (!command) {
  process.stderr.write('usage: node stopWithParent.cjs <command> [args...]\n');
  process.exit(2);
}
const child = spawn(command, args, { stdio: ['ignore', 'inherit', 'inherit'] });

const stopGroup = () => {
  try {
    process.kill(-process.pid, 'SIGTERM');
  } catch {
    child.kill('SIGTERM');
  }
};
process.stdin.on('end', stopGroup);
process.stdin.on('error', stopGroup);
process.stdin.resume();

// A stop signal (usually sent to the whole group) ends the command; this process follows it out.
for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 0)));
child.on('error', (error) => {
  process.stderr.write(`stopWithParent: ${command}: ${error.message}\n`);
  process.exit(127);
});
