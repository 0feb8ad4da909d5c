import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020';
import { parse } from 'yaml';
import { interpolateDocument, type Environment } from './interpolate';

/** The parts of a service this project's checks read; the schema validates the rest. */
export interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; args?: Record<string, string> };
  depends_on?: string[] | Record<string, { condition?: string }>;
  environment?: Record<string, string | number | boolean | null> | string[];
  entrypoint?: string | string[];
  command?: string | string[];
  restart?: string;
  healthcheck?: { test?: string | string[] };
  volumes?: (string | { type?: string; source?: string })[];
  networks?: string[] | Record<string, unknown>;
  ports?: unknown[];
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  networks?: Record<string, unknown>;
}

export interface ComposeCheck {
  /** The file after YAML merge keys and interpolation, as `docker compose config` would see it. */
  config: ComposeFile;
  /** Everything wrong, one readable line each; empty for a valid file. */
  problems: string[];
}

// The Compose Specification's own JSON Schema (test/compose/README.md says which version and from where).
// strictTypes is off: it judges how the (unedited, vendored) schema is written, not what it accepts.
const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
const validateSpec = ajv.compile(JSON.parse(readFileSync(join(__dirname, 'compose-spec.json'), 'utf8')));

/** Checks a Compose file's text; `directory` is where its relative build contexts start. */
export function checkComposeText(text: string, directory: string, env: Environment = process.env): ComposeCheck {
  let document: unknown;
  try {
    // YAML 1.1 merge keys (`<<: *anchor`) are part of the Compose format.
    document = parse(text, { merge: true });
  } catch (error) {
    return { config: { services: {} }, problems: [`not YAML: ${(error as Error).message}`] };
  }
  const { value, problems } = interpolateDocument(document, env);
  if (!validateSpec(value)) problems.push(...(validateSpec.errors ?? []).map(describe));
  const config = value as ComposeFile;
  if (problems.length === 0) problems.push(...consistency(config, directory));
  return { config, problems };
}

export function checkComposeFile(path: string, env: Environment = process.env): ComposeCheck {
  return checkComposeText(readFileSync(path, 'utf8'), dirname(resolve(path)), env);
}

function describe(error: ErrorObject): string {
  const where = error.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(top level)';
  const params = error.params as Record<string, unknown>;
  const detail = params.additionalProperty ?? params.allowedValues ?? params.type;
  return `${where}: ${error.message}${detail === undefined ? '' : ` (${JSON.stringify(detail)})`}`;
}

/** What Compose refuses beyond the schema (compose-go's checkConsistency), plus build files that must exist. */
function consistency(config: ComposeFile, directory: string): string[] {
  const problems: string[] = [];
  const services = config.services ?? {};
  for (const [name, service] of Object.entries(services)) {
    if (!service.image && !service.build) problems.push(`services.${name}: has neither an image nor a build`);
    const test = service.healthcheck?.test;
    if (Array.isArray(test) && !['CMD', 'CMD-SHELL', 'NONE'].includes(test[0])) {
      problems.push(`services.${name}.healthcheck.test: must start with "CMD", "CMD-SHELL" or "NONE"`);
    }
    for (const dependency of dependencies(service)) {
      if (!services[dependency]) problems.push(`services.${name}.depends_on: undefined service "${dependency}"`);
    }
    for (const volume of service.volumes ?? []) {
      const source = typeof volume === 'string' ? volume.split(':')[0] : volume.type === 'volume' ? volume.source : undefined;
      const named = source && volume !== source && !/^[./~]/.test(source);
      if (named && !Object.hasOwn(config.volumes ?? {}, source)) problems.push(`services.${name}.volumes: undefined volume "${source}"`);
    }
    const networks = Array.isArray(service.networks) ? service.networks : Object.keys(service.networks ?? {});
    for (const network of networks) {
      if (network !== 'default' && !Object.hasOwn(config.networks ?? {}, network)) problems.push(`services.${name}.networks: undefined network "${network}"`);
    }
    problems.push(...buildFiles(name, service, directory));
  }
  const cycle = dependencyCycle(services);
  if (cycle) problems.push(`depends_on: a cycle ${cycle.join(' -> ')}`);
  return problems;
}

function dependencies(service: ComposeService): string[] {
  const dependsOn = service.depends_on ?? [];
  return Array.isArray(dependsOn) ? dependsOn : Object.keys(dependsOn);
}

function buildFiles(name: string, service: ComposeService, directory: string): string[] {
  if (!service.build) return [];
  const build = typeof service.build === 'string' ? { context: service.build } : service.build;
  const context = resolve(directory, build.context ?? '.');
  if (!existsSync(context) || !statSync(context).isDirectory()) return [`services.${name}.build.context: no directory ${build.context}`];
  const dockerfile = build.dockerfile ?? 'Dockerfile';
  return existsSync(resolve(context, dockerfile)) ? [] : [`services.${name}.build.dockerfile: no file ${dockerfile} in ${build.context ?? '.'}`];
}

function dependencyCycle(services: Record<string, ComposeService>): string[] | undefined {
  const done = new Set<string>();
  const visit = (name: string, path: string[]): string[] | undefined => {
    if (path.includes(name)) return [...path.slice(path.indexOf(name)), name];
    if (done.has(name) || !services[name]) return undefined;
    for (const dependency of dependencies(services[name])) {
      const cycle = visit(dependency, [...path, name]);
      if (cycle) return cycle;
    }
    done.add(name);
    return undefined;
  };
  for (const name of Object.keys(services)) {
    const cycle = visit(name, []);
    if (cycle) return cycle;
  }
  return undefined;
}
