import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import { type DocumentNode, type GraphQLError, type GraphQLSchema, NoSchemaIntrospectionCustomRule, validate } from 'graphql';
import { askedLocale, ForbiddenError, msg, render, requestRefusal, UnauthenticatedError, type RequestInfo, type Role } from '@cpb/kit/core';

/** `allow`: registered hashes are served and any query runs; `enforce`: only registered operations run, except for the ad-hoc roles. */
export type TrustedDocumentsMode = 'allow' | 'enforce';

/** Trusted documents by id (the SHA-256 of the text), from the manifest the build writes. */
export type TrustedDocuments = ReadonlyMap<string, string>;

interface ManifestFile {
  format?: string;
  operations?: { id?: unknown; body?: unknown }[];
}

/**
 * Reads an Apollo persisted-query manifest (schemas/trusted-documents.json). Each id must be the
 * SHA-256 of its body, so a hand-edited manifest cannot make one text pass for another.
 */
export function loadTrustedDocuments(path: string): TrustedDocuments {
  let manifest: ManifestFile;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as ManifestFile;
  } catch (error) {
    throw new Error(`Cannot read the trusted documents manifest ${path}: ${(error as Error).message} (npm run documents writes it)`);
  }
  if (manifest.format !== 'apollo-persisted-query-manifest' || !Array.isArray(manifest.operations)) {
    throw new Error(`${path} is not an apollo-persisted-query-manifest`);
  }
  const documents = new Map<string, string>();
  for (const { id, body } of manifest.operations) {
    if (typeof id !== 'string' || typeof body !== 'string' || createHash('sha256').update(body).digest('hex') !== id) {
      throw new Error(`${path}: operation ${String(id)} does not match its text's SHA-256`);
    }
    documents.set(id, body);
  }
  return documents;
}

interface PostedOperation {
  query?: unknown;
  extensions?: { persistedQuery?: { sha256Hash?: unknown } } & Record<string, unknown>;
}

/**
 * Runs on POST /graphql before Apollo: a request that names a hash (Apollo's persisted-query
 * extension) and no text gets the registered text; an unknown hash is answered here with a clear
 * error. A request that sends its text as well runs as that text (the plugin below decides).
 * Apollo's own APQ cache never sees the hash, so nothing can be registered by sending it.
 */
export function resolveTrustedDocument(documents: TrustedDocuments): RequestHandler {
  return (req, res, next) => {
    const body = req.body as PostedOperation | undefined;
    const persisted = body?.extensions?.persistedQuery;
    if (!body || typeof persisted !== 'object' || persisted === null) return next();
    delete body.extensions!.persistedQuery;
    if (typeof body.query === 'string' && body.query.length > 0) return next();
    const hash = persisted.sha256Hash;
    const text = typeof hash === 'string' ? documents.get(hash) : undefined;
    if (text === undefined) {
      const unknown = msg('documents.unknownHash', { hash: String(hash) });
      // Answered before the caller is known: in the language the request asks for.
      const locale = askedLocale(req.headers['accept-language']);
      res.status(200).json({
        errors: [
          {
            message: render(unknown, locale),
            extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', messageKey: unknown.key, messageParams: unknown.params },
          },
        ],
      });
      return;
    }
    body.query = text;
    next();
  };
}

export interface TrustedDocumentsPolicy {
  mode: TrustedDocumentsMode;
  documents: TrustedDocuments;
  /** Roles that may send operations that are not registered (and introspect in production). */
  adHocRoles: ReadonlySet<Role>;
  production: boolean;
}

/** Refuses an unregistered operation or introspection: anonymous callers are asked to sign in (401), others are told which roles may (403). */
function refusal(role: Role, what: 'unregistered' | 'introspection', adHocRoles: ReadonlySet<Role>): GraphQLError {
  const allowed = [...adHocRoles].join(', ') || '—';
  if (role === 'ANONYMOUS') return requestRefusal(new UnauthenticatedError(msg(`documents.${what}SignIn`, { allowed })), 401);
  return requestRefusal(new ForbiddenError(msg(`documents.${what}Role`, { role, allowed })), 403);
}

/**
 * Decides per caller, once the operation is known: in enforce mode an operation whose text is not a
 * trusted document (Apollo's queryHash is the SHA-256 of the text, like the manifest's ids) runs only
 * for the ad-hoc roles; in production only they may introspect (so GraphiQL works for them).
 */
export function trustedDocumentsPlugin(policy: TrustedDocumentsPolicy): ApolloServerPlugin<RequestInfo> {
  const registered = new Set(policy.documents.keys());
  // Whether a document introspects, by the parsed document Apollo keeps per query text: validated once, not per request.
  const introspects = new WeakMap<DocumentNode, boolean>();
  const introspection = (schema: GraphQLSchema, document: DocumentNode) => {
    let found = introspects.get(document);
    if (found === undefined) introspects.set(document, (found = validate(schema, document, [NoSchemaIntrospectionCustomRule]).length > 0));
    return found;
  };
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, queryHash, document, schema }) {
          const role = contextValue.actor.role;
          if (policy.adHocRoles.has(role)) return;
          if (policy.mode === 'enforce' && !registered.has(queryHash ?? '')) {
            throw refusal(role, 'unregistered', policy.adHocRoles);
          }
          if (policy.production && introspection(schema, document)) {
            throw refusal(role, 'introspection', policy.adHocRoles);
          }
        },
      };
    },
  };
}
