import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type * as RenderGraphiQL from '@graphql-yoga/render-graphiql';

/** A rendered page is reused this long (in development it carries a token valid for 12 hours). */
const PAGE_REUSE_MS = 60 * 60 * 1000;

/**
 * GraphiQL as the gateway's landing page (GET /graphql in a browser), with every script, style,
 * font and editor worker inlined (@graphql-yoga/render-graphiql), so it works on networks without
 * internet, unlike Apollo's landing page, which loads Apollo's CDN. `headers` gives the editor's
 * starting headers: a district administrator's token in development, a blank Bearer in production.
 */
export function graphiqlLandingPage<C extends BaseContext>(headers: () => Promise<Record<string, string>>): ApolloServerPlugin<C> {
  let page: { html: string; until: number } | undefined;
  const render = async () => {
    if (page && page.until > Date.now()) return page.html;
    // Loaded on the first page view: its 9 MB of inlined assets would otherwise stay in every
    // gateway's heap (some 40 MB resident) whether or not anyone opens GraphiQL.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { renderGraphiQL } = require('@graphql-yoga/render-graphiql') as typeof RenderGraphiQL;
    const html = renderGraphiQL({
      title: '社区党建 GraphQL',
      endpoint: '/graphql',
      // Apollo's CSRF prevention refuses GETs without a preflight header; POST with JSON passes.
      method: 'POST',
      useGETForQueries: false,
      headers: JSON.stringify(await headers(), null, 2),
      shouldPersistHeaders: false,
      defaultQuery:
        '# 社区党建: one graph over organisations, members, co-building and activities.\n{\n  streets {\n    name\n    communities {\n      name\n      partyOrganization { name kind memberCount }\n    }\n  }\n}\n',
    });
    page = { html, until: Date.now() + PAGE_REUSE_MS };
    return html;
  };
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: render };
        },
      };
    },
  };
}
