import type { GraphQLServerOptions, Logger, RequestInfo } from '@cpb/kit/core';
import type { GatewayConfig } from './config';
import { adHocRoles, trustedDocumentsMode } from './dashboard-config';
import { dashboardRoutes, demoSignInAllowed, mintDemoToken } from './dashboard-site';
import { graphiqlLandingPage } from './graphiql';
import { loadTrustedDocuments, resolveTrustedDocument, trustedDocumentsPlugin } from './trusted-documents';

type DashboardOptions = Pick<GraphQLServerOptions<RequestInfo>, 'introspection' | 'routes' | 'requestHandlers' | 'landingPage'> & {
  plugins: NonNullable<GraphQLServerOptions<RequestInfo>['plugins']>;
};

/**
 * What the gateway adds to its server for dashboards: trusted documents (hashes served, other
 * operations refused in enforce mode), the dashboard's static build and dev sign-in, and GraphiQL.
 */
export function dashboardServerOptions(config: GatewayConfig, logger: Logger): DashboardOptions {
  const documents = loadTrustedDocuments(config.TRUSTED_DOCUMENTS_PATH);
  const mode = trustedDocumentsMode(config);
  const production = config.NODE_ENV === 'production';
  logger.info({ mode, documents: documents.size, adHocRoles: config.AD_HOC_ROLES }, 'trusted documents loaded');
  const editorHeaders = async () => ({
    authorization: demoSignInAllowed(config) ? `Bearer ${await mintDemoToken(config, 'district-admin')}` : 'Bearer ',
  });
  return {
    // In production the plugin lets only the ad-hoc roles introspect; elsewhere everyone may, as before.
    introspection: true,
    routes: dashboardRoutes(config, logger),
    requestHandlers: [resolveTrustedDocument(documents)],
    landingPage: config.GRAPHIQL ? graphiqlLandingPage<RequestInfo>(editorHeaders) : undefined,
    plugins: [trustedDocumentsPlugin({ mode, documents, adHocRoles: adHocRoles(config), production })],
  };
}
