/**
 * `npm run k8s:check`: renders every overlay with `kubectl kustomize`, validates every object against
 * its API schema (Kubernetes' own from the kubernetes-models packages, KEDA's and the Prometheus
 * operator's likewise; Strimzi's KafkaTopic and CloudNativePG's Cluster against the schemas in
 * ./schemas), and checks this project's rules: every container has probes, requests and limits, runs
 * as non-root without privilege escalation on a read-only root; every Deployment has a disruption
 * budget, an autoscaler and a spread; every README setting reaches the processes. Also fails when
 * infra/k8s/base/ is stale (`npm run k8s:generate`).
 * Usage: tsx scripts/k8s/check.mts [--json] [--overlay <kustomization dir>]...
 * (An ES module: the kubernetes-models packages are ES modules only.)
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import { parseAllDocuments } from 'yaml';
import { ConfigMap, Namespace, Secret, Service } from 'kubernetes-models/v1';
import { Deployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { ScaledObject } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { PodMonitor, PrometheusRule, ServiceMonitor } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { baseDir, baseFiles } from './generate.js';
import { workloadProblems, type K8sObject } from './rules.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const overlaysDir = join(root, 'infra', 'k8s', 'overlays');

type Validator = (object: K8sObject) => void;
const ajv = new Ajv.default({ allErrors: true, strict: false });
const jsonSchema = (file: string): Validator => {
  const validate = ajv.compile(JSON.parse(readFileSync(join(here, 'schemas', file), 'utf8')));
  return (object) => {
    const kind = object.kind;
    if (!validate(object)) throw new Error(ajv.errorsText(validate.errors, { dataVar: kind }));
  };
};
const model =
  (Model: new (data: never) => { validate(): void }): Validator =>
  (object) =>
    new Model(object as never).validate();

/** apiVersion/kind to the schema it is checked against. */
const validators: Record<string, Validator> = {
  'v1/ConfigMap': model(ConfigMap),
  'v1/Secret': model(Secret),
  'v1/Service': model(Service),
  'v1/Namespace': model(Namespace),
  'apps/v1/Deployment': model(Deployment),
  'autoscaling/v2/HorizontalPodAutoscaler': model(HorizontalPodAutoscaler),
  'policy/v1/PodDisruptionBudget': model(PodDisruptionBudget),
  'keda.sh/v1alpha1/ScaledObject': model(ScaledObject),
  'monitoring.coreos.com/v1/ServiceMonitor': model(ServiceMonitor),
  'monitoring.coreos.com/v1/PodMonitor': model(PodMonitor),
  'monitoring.coreos.com/v1/PrometheusRule': model(PrometheusRule),
  'kafka.strimzi.io/v1/KafkaTopic': jsonSchema('kafkatopic.json'),
  'postgresql.cnpg.io/v1/Cluster': jsonSchema('cnpg-cluster.json'),
};

export interface OverlayReport {
  overlay: string;
  objects: string[];
  problems: string[];
}

export function render(dir: string): K8sObject[] {
  const text = execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return parseAllDocuments(text)
    .map((doc) => doc.toJS() as K8sObject)
    .filter(Boolean);
}

export function checkOverlay(dir: string): OverlayReport {
  const objects = render(dir);
  const problems: string[] = [];
  for (const object of objects) {
    const id = `${object.kind}/${object.metadata?.name}`;
    const validate = validators[`${object.apiVersion}/${object.kind}`];
    if (!validate) {
      problems.push(`${id}: no schema for ${object.apiVersion} ${object.kind} (add one to scripts/k8s/check.ts)`);
      continue;
    }
    try {
      validate(object);
    } catch (error) {
      problems.push(`${id}: ${(error as Error).message.replace(/\s+/g, ' ')}`);
    }
  }
  problems.push(...workloadProblems(objects, readFileSync(join(root, 'README.md'), 'utf8')));
  return { overlay: relative(root, dir), objects: objects.map((o) => `${o.kind}/${o.metadata?.name}`), problems };
}

/** Files of infra/k8s/base/ that differ from what scripts/k8s/generate.ts writes. */
export function staleBaseFiles(): string[] {
  return Object.entries(baseFiles())
    .filter(([name, text]) => {
      try {
        return readFileSync(join(baseDir, name), 'utf8') !== text;
      } catch {
        return true;
      }
    })
    .map(([name]) => `infra/k8s/base/${name} is stale: run \`npm run k8s:generate\``);
}

function main(): void {
  const args = process.argv.slice(2);
  const given = args.flatMap((arg, i) => (args[i - 1] === '--overlay' ? [arg] : []));
  const dirs = given.length
    ? given
    : readdirSync(overlaysDir)
        .sort()
        .map((name) => join(overlaysDir, name));
  const reports = dirs.map(checkOverlay);
  const stale = given.length ? [] : staleBaseFiles();
  if (args.includes('--json')) {
    console.log(JSON.stringify({ stale, reports }));
  } else {
    for (const report of reports) {
      console.log(`${report.overlay}: ${report.objects.length} objects, ${report.problems.length} problems`);
      for (const problem of report.problems) console.log(`  ${problem}`);
    }
    for (const line of stale) console.log(line);
  }
  if (stale.length || reports.some((r) => r.problems.length)) process.exit(1);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main();
