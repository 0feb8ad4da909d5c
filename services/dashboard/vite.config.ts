import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import vue from '@vitejs/plugin-vue';
import { defineConfig, type Plugin } from 'vite';
import { buildManifest, manifestText } from '../../scripts/lib/trusted-documents';

const root = join(import.meta.dirname, '..', '..');
const operationsDir = join(root, 'schemas', 'operations');
const manifestPath = join(root, 'schemas', 'trusted-documents.json');

/**
 * `virtual:trusted-documents`: operation name → hash, so the dashboard sends hashes, never query
 * text. Building it writes schemas/trusted-documents.json, the manifest the gateway serves (the
 * same file `npm run documents` writes). Under `vite dev` the texts ship too, so a gateway started
 * before an operation changed still runs it (in allow mode).
 */
function trustedDocuments(): Plugin {
  const id = 'virtual:trusted-documents';
  let serving = false;
  return {
    name: 'cpb-trusted-documents',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId: (source) => (source === id ? `\0${id}` : null),
    load(source) {
      if (source !== `\0${id}`) return null;
      const manifest = buildManifest(operationsDir);
      const text = manifestText(manifest);
      let written = '';
      try {
        written = readFileSync(manifestPath, 'utf8');
      } catch {
        // first build
      }
      if (written !== text) writeFileSync(manifestPath, text);
      this.addWatchFile(operationsDir);
      const ids = Object.fromEntries(manifest.operations.map((o) => [o.name, o.id]));
      const texts = serving ? Object.fromEntries(manifest.operations.map((o) => [o.name, o.body])) : undefined;
      return `export const ids = ${JSON.stringify(ids)};\nexport const texts = ${JSON.stringify(texts)};\n`;
    },
  };
}

// GATEWAY_URL: the gateway `vite dev` forwards /graphql and /dev to (default: npm start's).
const gateway = process.env.GATEWAY_URL ?? 'http://localhost:4000';

export default defineConfig({
  // Relative asset paths: the build works wherever it is served (the gateway serves it at /dashboard/).
  base: './',
  plugins: [vue(), trustedDocuments()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1024 },
  server: { proxy: { '/graphql': gateway, '/dev': gateway }, fs: { allow: [root] } },
});
