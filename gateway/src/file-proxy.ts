import type { Express, Request, Response } from 'express';
import {
  boundedBody,
  DomainError,
  FileRefusedError,
  httpRefusal,
  IMPORT_MAX_BYTES,
  INTERNAL_IDENTITY_HEADER,
  inRequestLocale,
  msg,
  REQUEST_ID_HEADER,
  requestIdOf,
  secretOf,
  signInternal,
  UnauthenticatedError,
  UnavailableError,
  type Caller,
  type Logger,
  type TermValue,
} from '@cpb/kit/core';
import type { IncomingHttpHeaders } from 'node:http';
import { subgraphUrls, type GatewayConfig } from './config';

/** Which service owns each kind of import: the file goes to it, and only to it. */
export const importOwners: Record<string, string> = {
  members: 'members',
  'resident-units': 'organizations',
  'team-memberships': 'activities',
};

/**
 * Files reach the owning service around /graphql, whose body limit (MAX_BODY) stays as it is for
 * ordinary requests (docs/decisions/0021): `/imports/:kind` and `/imports/:kind/template` check the
 * caller's token exactly as /graphql does, then forward the file (at most IMPORT_MAX_BYTES) with the
 * identity signed for the owner, whose use case authorises the caller as for a mutation.
 */
export function fileProxy(config: GatewayConfig, authenticate: (headers: IncomingHttpHeaders) => Promise<Caller>, logger: Logger) {
  const urls = subgraphUrls(config);
  const refuse = httpRefusal(logger);
  const forward = (req: Request, res: Response) =>
    inRequestLocale(req.headers['accept-language'], async () => {
      try {
        const owner = importOwners[String(req.params.kind)];
        if (!owner) throw new DomainError('NOT_FOUND', msg('import.unknownKind', { kind: String(req.params.kind) }));
        const { locale, ...actor } = await authenticate(req.headers);
        // Anonymous callers are refused here; which roles may import is the owning service's rule.
        if (actor.role === 'ANONYMOUS') throw new UnauthenticatedError();
        const body = req.method === 'POST' ? await boundedBody(req, IMPORT_MAX_BYTES) : undefined;
        if (body === null)
          throw new FileRefusedError('FILE_TOO_LARGE', msg('import.tooLarge', { maximum: IMPORT_MAX_BYTES }), {
            maximum: IMPORT_MAX_BYTES,
          });
        // The same path and query on the owner's host.
        const answer = await fetch(new URL(req.originalUrl, urls[owner]), {
          method: req.method,
          headers: {
            [INTERNAL_IDENTITY_HEADER]: await signInternal(actor, secretOf(config, owner), owner),
            [REQUEST_ID_HEADER]: requestIdOf(req.headers),
            'accept-language': String(req.headers['accept-language'] ?? locale ?? ''),
            'content-type': 'application/octet-stream',
          },
          body: body ? new Blob([new Uint8Array(body)]) : undefined,
        }).catch(() => {
          throw new UnavailableError(owner as TermValue<'service'>);
        });
        res.status(answer.status);
        for (const header of ['content-type', 'content-disposition', 'content-language']) {
          const value = answer.headers.get(header);
          if (value) res.setHeader(header, value);
        }
        res.send(Buffer.from(await answer.arrayBuffer()));
      } catch (error) {
        refuse(res, error);
      }
    });
  return (app: Express) => {
    app.get('/imports/:kind/template', forward);
    app.post('/imports/:kind', forward);
  };
}
