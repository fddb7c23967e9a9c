#!/usr/bin/env node
// The browser tests drive Debian's chromium through playwright-core (no browser download).
// Installs it when missing (as root, through apt-get), or says exactly what to install.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const CHROMIUM = '/usr/bin/chromium';

if (existsSync(CHROMIUM)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
if (!isRoot) {
  console.error(
    `The browser tests need Debian's chromium at ${CHROMIUM}, and it is not installed.\n` +
      'Install it as root, then run the tests again:\n\n' +
      '  sudo apt-get update && sudo apt-get install -y chromium\n',
  );
  process.exit(1);
}

const started = Date.now();
console.log(`${CHROMIUM} is missing: installing Debian's chromium (apt-get update && apt-get install -y chromium)…`);
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
try {
  execFileSync('apt-get', ['update', '-q'], { stdio: ['ignore', 'ignore', 'inherit'], env });
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', 'chromium'], { stdio: ['ignore', 'ignore', 'inherit'], env });
} catch (error) {
  console.error(`Installing chromium failed (${error.message}). Install it by hand: apt-get update && apt-get install -y chromium`);
  process.exit(1);
}
if (!existsSync(CHROMIUM)) {
  console.error(`apt-get finished but ${CHROMIUM} is still missing. Install it by hand: apt-get update && apt-get install -y chromium`);
  process.exit(1);
}
console.log(`chromium installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
