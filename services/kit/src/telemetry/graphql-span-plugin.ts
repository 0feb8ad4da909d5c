import { trace } from '@opentelemetry/api';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

/**
 * Names the request's server span after the GraphQL operation it carries (`query CommunityOverview`)
 * and marks it failed when the response has errors, so a trace list reads like the dashboards' calls.
 */
export function graphqlSpanPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      const span = trace.getActiveSpan();
      if (!span?.isRecording()) return;
      return {
        async didResolveOperation({ operationName, operation }) {
          if (!operation) return;
          span.updateName(`${operation.operation} ${operationName ?? 'anonymous'}`);
          span.setAttributes({
            'graphql.operation.type': operation.operation,
            ...(operationName ? { 'graphql.operation.name': operationName } : {}),
          });
        },
        async willSendResponse({ response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (errors?.length)
            span.setAttribute('cpb.graphql.error_codes', [...new Set(errors.map((e) => String(e.extensions?.code ?? 'unknown')))]);
        },
      };
    },
  };
}
