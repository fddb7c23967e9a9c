import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
const SCHEMA = path.resolve(here, '../schema/schema.graphql');
const VIRTUAL = 'virtual:placewise-introspection';

/**
 * The API refuses introspection without a token, so the admin never introspects at run time:
 * this plugin turns the published SDL (schema/schema.graphql) into an introspection result
 * at build time, as a JSON module.
 */
function introspectionAtBuildTime(): Plugin {
  return {
    name: 'placewise-introspection',
    resolveId(id) {
      return id === VIRTUAL ? `\0${VIRTUAL}` : undefined;
    },
    load(id) {
      if (id !== `\0${VIRTUAL}`) return undefined;
      this.addWatchFile(SCHEMA);
      const schema = buildSchema(readFileSync(SCHEMA, 'utf8'));
      return `export default ${JSON.stringify(introspectionFromSchema(schema, { descriptions: true }).__schema)};`;
    },
  };
}

export default defineConfig({
  root: here,
  base: '/',
  plugins: [react(), introspectionAtBuildTime()],
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 4000 },
  server: { proxy: { '/graphql': 'http://localhost:4000' } },
});
