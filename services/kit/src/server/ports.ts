import { readFileSync } from 'node:fs';
import net from 'node:net';

/** Where the picked ports start: below every well-known service this project runs beside (Postgres 5432, Redis 6379...). */
const LOWEST = 10_000;

/**
 * The first port of the kernel's ephemeral range (Linux: /proc/sys/net/ipv4/ip_local_port_range): the
 * ports it gives outgoing connections and `listen(0)`. 32768 where that cannot be read.
 */
function ephemeralFloor(): number {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    return Number.isInteger(low) && low > LOWEST + 1_000 ? low : 32_768;
  } catch {
    return 32_768;
  }
}

/** Listens on `port` (0: any) on loopback and closes again: the port it got, or null when it was taken. */
function probe(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => {
      const { port: got } = server.address() as net.AddressInfo;
      server.close(() => resolve(got));
    });
  });
}

/**
 * A free loopback port for a server that will listen on it a little later (tests and side-by-side stacks).
 * Picked at random below the ephemeral range: a port from inside it (what `listen(0)` gives) can be taken
 * in the meantime by any outgoing connection of this machine (Postgres, Kafka, HTTP clients), and then the
 * server fails with EADDRINUSE (seen in CI); below it, only another explicit pick can collide.
 */
export async function freePort(): Promise<number> {
  const ceiling = ephemeralFloor();
  for (let attempt = 0; attempt < 20; attempt++) {
    const port = await probe(LOWEST + Math.floor(Math.random() * (ceiling - LOWEST)));
    if (port !== null) return port;
  }
  const any = await probe(0);
  if (any === null) throw new Error('no free loopback port');
  return any;
}
