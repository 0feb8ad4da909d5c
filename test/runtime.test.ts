/**
 * One Node.js everywhere: the tests run on the pinned `node` devDependency (npm scripts put it first
 * on PATH, even where the machine's own Node is 20), and the images use the same version.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
  allowScripts?: Record<string, boolean>;
};
const pinned = manifest.devDependencies.node;

describe('the Node.js runtime', () => {
  it('is the pinned node devDependency, a supported LTS line (run the tests through npm: npm test, npx jest)', () => {
    expect(pinned).toMatch(/^24\.\d+\.\d+$/);
    expect(process.version).toBe(`v${pinned}`);
    expect(manifest.engines.node).toBe('>=24');
  });

  it('is allowed to install itself (npm 11 runs only approved install scripts)', () => {
    expect(manifest.allowScripts?.node).toBe(true);
  });

  it('is the same version in the production images', () => {
    const dockerfile = readFileSync(join(root, 'infra', 'docker', 'Dockerfile'), 'utf8');
    expect(/^ARG NODE_IMAGE=node:(\S+)-bookworm-slim$/m.exec(dockerfile)?.[1]).toBe(pinned);
  });
});
