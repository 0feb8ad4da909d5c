/**
 * Where the gateway answers. `config.json` beside index.html says it (default `/graphql`, the
 * gateway that serves this build); edit it after the build to point the dashboard elsewhere.
 */
interface DashboardConfig {
  gateway?: string;
}

let gateway: Promise<URL> | undefined;

export function gatewayUrl(): Promise<URL> {
  gateway ??= fetch(new URL('config.json', document.baseURI))
    .then((response): Promise<DashboardConfig> | DashboardConfig => (response.ok ? response.json() : {}))
    .catch((): DashboardConfig => ({}))
    .then((config) => new URL(config.gateway ?? '/graphql', document.baseURI));
  return gateway;
}
