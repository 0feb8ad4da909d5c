import { prepareEmbeddedTemplate } from '@cpb/kit/launch';
import { ensureCompiled } from './compiled-build';
import { ensureDashboardBuilt } from './dashboard-build';

export interface Preparation {
  /** Compiled JavaScript when the build succeeded; the TypeScript sources through tsx otherwise. */
  runtime: 'compiled' | 'tsx';
  /** Seconds each preparation took (they run side by side): 0 for what was already done. */
  seconds: { dashboard: number; compile: number; template: number };
}

async function timed<T>(work: Promise<T>, done: (result: T) => boolean): Promise<number> {
  const began = Date.now();
  const result = await work;
  return done(result) ? (Date.now() - began) / 1000 : 0;
}

/**
 * What `npm start` does before starting any process, side by side: the dashboard build and the
 * compiled JavaScript brought up to date, and, for embedded PGlite, the data folder's template
 * cluster made (once) so the services copy it instead of each running initdb.
 */
export async function prepareStart(options: { embeddedDataDir?: string; echo: (line: string) => void }): Promise<Preparation> {
  let runtime: Preparation['runtime'] = 'compiled';
  const compile = ensureCompiled().then((build) => {
    if (build.built) options.echo(`compiled ${build.built} TypeScript project(s) in ${build.seconds.toFixed(1)} s (tsc -b tsconfig.build.json)`);
    if (!build.ok) {
      runtime = 'tsx';
      options.echo(`the TypeScript build failed, so the services run their sources through tsx:\n${build.output.trim()}`);
    }
    return build;
  });
  // Made once per data folder; when it exists already this takes no time.
  const template = options.embeddedDataDir ? prepareEmbeddedTemplate(options.embeddedDataDir).then(() => true) : Promise.resolve(false);
  const [dashboard, compiled, templated] = await Promise.all([
    timed(ensureDashboardBuilt(options.echo), (built) => built),
    timed(compile, (build) => build.built > 0),
    timed(template, (made) => made),
  ]);
  return { runtime, seconds: { dashboard, compile: compiled, template: templated } };
}
