#!/usr/bin/env node
// Builds the admin (admin/dist) when it is missing or was built from other sources.
// "Other sources" is decided by content, not by file times: a hash of every input of the
// build (admin sources and config, the GraphQL schema, the lock file) is kept in dist.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const admin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const root = path.resolve(admin, '..');
const dist = path.join(admin, 'dist');
const stampFile = path.join(dist, '.sources-hash');
const inputs = [
  path.join(admin, 'src'),
  path.join(admin, 'index.html'),
  path.join(admin, 'vite.config.ts'),
  path.join(admin, 'package.json'),
  path.join(admin, 'tsconfig.json'),
  path.join(root, 'schema', 'schema.graphql'),
  path.join(root, 'package-lock.json'),
];

function files(entry) {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .sort()
    .flatMap((name) => files(path.join(entry, name)));
}

const hash = createHash('sha256');
for (const file of inputs.flatMap(files)) {
  hash.update(path.relative(root, file));
  hash.update('\0');
  hash.update(readFileSync(file));
  hash.update('\0');
}
const digest = hash.digest('hex');
const built = existsSync(path.join(dist, 'index.html')) && existsSync(stampFile) ? readFileSync(stampFile, 'utf8').trim() : null;

if (built === digest && !process.argv.includes('--force')) {
  console.log('admin: up to date (admin/dist)');
  process.exit(0);
}

const started = Date.now();
console.log(built ? 'admin: sources changed, building…' : 'admin: not built yet, building…');
const vite = path.join(path.dirname(createRequire(path.join(admin, 'package.json')).resolve('vite/package.json')), 'bin', 'vite.js');
const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: admin, stdio: 'inherit' });
if (result.status !== 0) {
  console.error('admin: the build failed');
  process.exit(result.status ?? 1);
}
writeFileSync(stampFile, `${digest}\n`);
console.log(`admin: built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
