import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { DomainError, PeerCaller, Peers } from '../src';
import { organizationEntity } from './peer-answers';

// Issue 20: during a Postgres outage, three requests answered NOT_FOUND. A peer whose reference resolver
// could not read its database answers `_entities: [null]` beside the error (GraphQL nulls the failed item);
// the caller took that null for "no such entity". A lookup that failed is UNAVAILABLE.

type PeerAnswer = { data?: unknown; errors?: unknown[] };

const servers: Server[] = [];
const logger = pino({ level: 'silent' });

/** A stand-in for the organisations subgraph answering every `_entities` lookup with `answer(ids)`. */
async function peerAnswering(answer: (ids: string[]) => PeerAnswer): Promise<Peers> {
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const { variables } = JSON.parse(body) as { variables: { r: { id: string }[] } };
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(answer(variables.r.map((r) => r.id))));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const caller = new PeerCaller({
    name: 'organizations',
    url,
    timeoutMs: 2_000,
    logger,
    headers: async () => ({}),
    refuseInTransaction: true,
  });
  return new Peers({ organizations: caller }, { Organization: 'organizations' });
}

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
});

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
/** What an Apollo subgraph answers when the reference resolver of the entity at `index` threw (its database out of reach). */
const failedAt = (index: number) => ({
  message: 'The database is out of reach; nothing was changed, please try again',
  path: ['_entities', index],
  extensions: { code: 'UNAVAILABLE' },
});

async function refusal(work: Promise<unknown>): Promise<DomainError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe("a peer's entity lookup", () => {
  it('is UNAVAILABLE, not NOT_FOUND, when the peer could not read the entity (null beside an error)', async () => {
    const peers = await peerAnswering(() => ({ data: { _entities: [null] }, errors: [failedAt(0)] }));
    expect((await refusal(peers.require('Organization', [A], 'organizerId'))).code).toBe('UNAVAILABLE');
    expect((await refusal(peers.find('Organization', [A]))).code).toBe('UNAVAILABLE');
    expect((await refusal(peers.subtreeIds(A))).code).toBe('UNAVAILABLE');
  });

  it('is UNAVAILABLE when one of a batch failed, even though the others were read', async () => {
    const peers = await peerAnswering(() => ({ data: { _entities: [organizationEntity(A), null] }, errors: [failedAt(1)] }));
    expect((await refusal(peers.require('Organization', [A, B], 'organizationIds'))).code).toBe('UNAVAILABLE');
  });

  it('is UNAVAILABLE when a field of the entity failed (a non-null field nulls the entity)', async () => {
    const peers = await peerAnswering(() => ({
      data: { _entities: [null] },
      errors: [{ ...failedAt(0), path: ['_entities', 0, 'subtreeIds'] }],
    }));
    expect((await refusal(peers.subtreeIds(A))).code).toBe('UNAVAILABLE');
  });

  it('is NOT_FOUND naming the argument when the peer answered null without an error (no such entity)', async () => {
    const peers = await peerAnswering(() => ({ data: { _entities: [null] } }));
    expect(await peers.find('Organization', [A])).toEqual([null]);
    const error = await refusal(peers.require('Organization', [A], 'organizerId'));
    expect(error.code).toBe('NOT_FOUND');
    expect(error.field).toBe('organizerId');
  });

  it('reads the facts when the peer answered them', async () => {
    const peers = await peerAnswering((ids) => ({ data: { _entities: ids.map(organizationEntity) } }));
    const [facts] = await peers.require('Organization', [A], 'organizerId');
    expect(facts).toMatchObject({ id: A, status: 'ACTIVE' });
  });
});
