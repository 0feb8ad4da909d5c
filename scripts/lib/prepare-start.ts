import { prepareEmbeddedTemplate } from '@cpb/kit/launch';
import { ensureCompiled } from './compiled-build';
import { ensureDashboardBuilt } from './dashboard-build';

export interface Preparation {
  /** Compiled JavaScript when the sources transpiled; the TypeScript sources through tsx otherwise. */
  runtime: 'compiled' | 'tsx';
  /** Seconds each preparation took (they run side by side): 0 for what was already done. */
  seconds: { dashboard: number; compile: number };
  /**
   * Seconds the embedded template took: not waited for, since the services load their code
   * meanwhile and wait for the template themselves (under its lock) before they copy it.
   */
  template: Promise<number>;
}

async function timed<T>(work: Promise<T>, done: (result: T) => boolean): Promise<number> {
  const began = Date.now();
  const result = await work;
  return done(result) ? (Date.now() - began) / 1000 : 0;
}

/**
 * What `npm start` does before starting any process, side by side: the dashboard build and the
 * JavaScript the processes run brought up to date with the sources, and, for embedded PGlite, the
 * data folder's template cluster made (once) so the services copy it instead of each running initdb.
 */
export async function prepareStart(options: { embeddedDataDir?: string; echo: (line: string) => void }): Promise<Preparation> {
  let runtime: Preparation['runtime'] = 'compiled';
  const compile = ensureCompiled().then((build) => {
    if (build.built && build.ok) options.echo(`sources changed: transpiled to JavaScript in ${build.seconds.toFixed(1)} s`);
    if (!build.ok) {
      runtime = 'tsx';
      options.echo(`transpiling failed, so the services run their sources through tsx:\n${build.output.trim()}`);
    }
    return build;
  });
  // Made once per data folder; when it exists already this takes no time. Should it fail here, the
  // services (their lock taken over) try again themselves and report what goes wrong.
  const template = options.embeddedDataDir
    ? timed(prepareEmbeddedTemplate(options.embeddedDataDir), () => true).catch(() => 0)
    : Promise.resolve(0);
  const [dashboard, compiled] = await Promise.all([
    timed(ensureDashboardBuilt(options.echo), (built) => built),
    timed(compile, (build) => build.built),
  ]);
  return { runtime, seconds: { dashboard, compile: compiled }, template };
}
