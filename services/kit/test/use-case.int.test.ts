import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import {
  inTransaction,
  PeerCaller,
  PeerCallInTransactionError,
  Peers,
  transactor,
  useCase,
  type Database,
  type PeerName,
  type Transact,
} from '../src';
import { createKitDatabase, type KitDatabase } from '../src/testing';
import { organizationEntity } from './peer-answers';

/** A stand-in for another subgraph: answers `_entities` for organisations and records what it was sent. */
function startPeer(): Promise<{ url: string; calls: IncomingHttpHeaders[]; server: Server }> {
  const calls: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      calls.push(request.headers);
      const { variables } = JSON.parse(body) as { variables: { r: { id: string }[] } };
      const entities = variables.r.map(({ id }) => organizationEntity(id));
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ data: { _entities: entities } }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`, calls, server }),
    ),
  );
}

const logger = pino({ level: 'silent' });
let kitDb: KitDatabase;
let db: Database;
let peer: Awaited<ReturnType<typeof startPeer>>;

function peersAt(url: string, refuseInTransaction: boolean, log = logger): Peers {
  const caller = (name: PeerName) =>
    new PeerCaller({ name, url, timeoutMs: 2000, logger: log, headers: async () => ({}), refuseInTransaction });
  return new Peers(
    { organizations: caller('organizations'), members: caller('members') },
    { Organization: 'organizations', Member: 'members' },
  );
}

interface Context {
  transact: Transact;
  peers: Peers;
}

const streetCreated = (streetId: string, name: string) => ({
  type: 'street.created',
  aggregateType: 'street',
  aggregateId: streetId,
  data: { streetId, name, district: '和平区' },
});
const outboxCount = async (streetId: string) =>
  Number((await db.dataSource.query('SELECT count(*) AS n FROM outbox WHERE aggregate_id = $1', [streetId]))[0].n);

beforeAll(async () => {
  kitDb = await createKitDatabase('use_case', { serviceName: 'use-case', logger });
  db = kitDb.db;
  peer = await startPeer();
});

afterAll(async () => {
  peer?.server.close();
  await kitDb?.drop();
});

beforeEach(() => {
  peer.calls.length = 0;
});

/** Names a street after its working committee: the committee's name is a fact the (stand-in) organizations service owns. */
const nameStreet = useCase({
  authorize: (_: Context, args: { streetId: string; committeeId: string }) => args,
  gather: async ({ peers }: Context, args) => ({
    ...args,
    committee: (await peers.require('Organization', [args.committeeId], 'committeeId'))[0],
  }),
  change: async ({ outbox }, { streetId, committee }) => {
    await outbox.emit(streetCreated(streetId, committee.name));
    return committee.name;
  },
});

/** The same change, asking its peer from inside the transaction: what the kit refuses. */
const nameStreetUnderLock = useCase({
  authorize: ({ peers }: Context, args: { streetId: string; committeeId: string }) => ({ ...args, peers }),
  change: async ({ outbox }, { streetId, committeeId, peers }) => {
    await outbox.emit(streetCreated(streetId, 'placeholder'));
    const [committee] = await peers.require('Organization', [committeeId], 'committeeId');
    return committee.name;
  },
});

describe('the use-case pipeline: authorise, gather from peers outside the transaction, then one transaction', () => {
  it('asks peers before the transaction and forwards the request id', async () => {
    const context = { transact: transactor(db.dataSource), peers: peersAt(peer.url, true).forRequest('request-7') };
    const streetId = crypto.randomUUID();
    expect(await nameStreet(context, { streetId, committeeId: crypto.randomUUID() })).toBe('和平街道党工委');
    expect(peer.calls).toHaveLength(1);
    expect(peer.calls[0]['x-request-id']).toBe('request-7');
    expect(await outboxCount(streetId)).toBe(1);
  });

  it('refuses a peer call made while the transaction is open, and the change is rolled back', async () => {
    const context = { transact: transactor(db.dataSource), peers: peersAt(peer.url, true) };
    const streetId = crypto.randomUUID();
    await expect(nameStreetUnderLock(context, { streetId, committeeId: crypto.randomUUID() })).rejects.toBeInstanceOf(
      PeerCallInTransactionError,
    );
    expect(peer.calls).toHaveLength(0);
    expect(await outboxCount(streetId)).toBe(0);
  });

  it('in production only logs such a call (the request is served), so the guard never takes a district down', async () => {
    const lines: string[] = [];
    const log = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
    const context = { transact: transactor(db.dataSource), peers: peersAt(peer.url, false, log) };
    const streetId = crypto.randomUUID();
    expect(await nameStreetUnderLock(context, { streetId, committeeId: crypto.randomUUID() })).toBe('和平街道党工委');
    expect(lines.map((line) => JSON.parse(line).msg)).toEqual(['peer call inside a transaction']);
    expect(await outboxCount(streetId)).toBe(1);
  });

  it('knows when a transaction is open, and refuses to start a use case inside one', async () => {
    const transact = transactor(db.dataSource);
    expect(inTransaction()).toBe(false);
    expect(await transact(async () => inTransaction())).toBe(true);
    expect(inTransaction()).toBe(false);
    const context = { transact, peers: peersAt(peer.url, true) };
    await expect(transact(() => nameStreet(context, { streetId: crypto.randomUUID(), committeeId: crypto.randomUUID() }))).rejects.toThrow(
      'a use case runs outside any transaction',
    );
  });
});
