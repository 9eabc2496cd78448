import { createServer, request as forward, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * What can go wrong with one request on its way to the blog and back:
 * - `reset-before`: the connection drops before the blog sees the request;
 * - `reset-after`: the blog handles (and commits) the request, then the answer is lost;
 * - `slow`: the blog handles it, and the answer comes only after `delayMs` (past the client's timeout);
 * - `status`: the proxy answers for the blog (500, 503, 429…) without passing the request on.
 */
export type Fault =
  | { readonly kind: 'reset-before' }
  | { readonly kind: 'reset-after' }
  | { readonly kind: 'slow'; readonly delayMs: number }
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterSeconds?: number };

export type FaultKind = Fault['kind'] | 'refused';

/** The request a plan decides about. `index` counts every request the proxy received, from 0. */
export interface ProxiedRequest {
  readonly index: number;
  readonly method: string;
  readonly path: string;
}

/** Decides each request's fault, or null to pass it through untouched. */
export type FaultPlan = (request: ProxiedRequest) => Fault | null;

export interface FaultProxyOptions {
  /** The server behind the proxy: "http://127.0.0.1:PORT". */
  readonly target: string;
  readonly plan?: FaultPlan;
  /** After this many injected faults (refused connections included), every request passes. */
  readonly maxFaults?: number;
  /** The proxy stops by itself after this long, so a failed test never leaves it listening. */
  readonly lifetimeMs?: number;
}

export interface FaultProxy {
  /** The proxy's address: use it in place of the target's. */
  readonly url: string;
  /** The fault for the next request that `matches` (each injection is used once, before the plan). */
  inject(fault: Fault, matches?: (request: ProxiedRequest) => boolean): void;
  /** Stops listening (and drops open connections) so that connecting is refused, for `downMs` or until `up()`. */
  down(downMs?: number): Promise<void>;
  up(): Promise<void>;
  /** Goes down and up `cycles` times: `downMs` refused, then `upMs` passing. */
  flap(options: { readonly upMs: number; readonly downMs: number; readonly cycles: number }): Promise<void>;
  /** How many requests reached the proxy. */
  requests(): number;
  /** How many faults of each kind were injected. */
  faults(): Readonly<Record<FaultKind, number>>;
  stop(): Promise<void>;
}

const PASS_THROUGH: FaultPlan = () => null;

/**
 * A fault-injecting HTTP proxy on 127.0.0.1 in front of a test server: each request is passed
 * on, or failed in one of the ways a real network fails (see `Fault`); the whole proxy can also
 * go down (connection refused) and flap. Bounded: at most `maxFaults` faults, and it stops itself
 * after `lifetimeMs`.
 */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(options.target);
  const plan = options.plan ?? PASS_THROUGH;
  const maxFaults = options.maxFaults ?? Number.POSITIVE_INFINITY;
  const injections: { fault: Fault; matches: (request: ProxiedRequest) => boolean }[] = [];
  const counts: Record<FaultKind, number> = {
    'reset-before': 0,
    'reset-after': 0,
    slow: 0,
    status: 0,
    refused: 0,
  };
  let received = 0;
  let listening = false;
  let stopped = false;
  const timers = new Set<NodeJS.Timeout>();

  const totalFaults = (): number => Object.values(counts).reduce((sum, count) => sum + count, 0);

  function later(callback: () => void, delayMs: number): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      callback();
    }, delayMs);
    timers.add(timer);
  }

  function faultFor(request: ProxiedRequest): Fault | null {
    if (totalFaults() >= maxFaults) return null;
    const injected = injections.findIndex((injection) => injection.matches(request));
    if (injected >= 0) return injections.splice(injected, 1)[0]?.fault ?? null;
    return plan(request);
  }

  function handle(incoming: IncomingMessage, outgoing: ServerResponse): void {
    const request = { index: received, method: incoming.method ?? 'GET', path: incoming.url ?? '/' };
    received += 1;
    const fault = faultFor(request);
    if (fault) counts[fault.kind] += 1;
    if (fault?.kind === 'reset-before') {
      incoming.socket.destroy();
      return;
    }
    if (fault?.kind === 'status') {
      incoming.resume();
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault.retryAfterSeconds !== undefined) headers['retry-after'] = String(fault.retryAfterSeconds);
      outgoing.writeHead(fault.status, headers);
      outgoing.end(JSON.stringify({ code: 'injected_fault', message: `Injected ${fault.status}.` }));
      return;
    }
    const passed = forward(
      {
        host: upstream.hostname,
        port: upstream.port,
        path: request.path,
        method: request.method,
        headers: { ...incoming.headers, host: upstream.host },
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.once('end', () => {
          if (fault?.kind === 'reset-after') {
            incoming.socket.destroy();
            return;
          }
          const reply = (): void => {
            if (outgoing.destroyed) return;
            outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
            outgoing.end(Buffer.concat(chunks));
          };
          if (fault?.kind === 'slow') later(reply, fault.delayMs);
          else reply();
        });
      },
    );
    passed.once('error', () => incoming.socket.destroy());
    incoming.pipe(passed);
  }

  const server = createServer(handle);
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  listening = true;
  const port = (server.address() as AddressInfo).port;

  async function down(downMs?: number): Promise<void> {
    if (!listening) return;
    listening = false;
    counts.refused += 1;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
    if (downMs !== undefined) later(() => void up(), downMs);
  }

  async function up(): Promise<void> {
    if (listening || stopped) return;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.removeListener('error', reject);
        resolve();
      });
    });
    listening = true;
  }

  async function stop(): Promise<void> {
    if (stopped) return;
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    if (listening) {
      listening = false;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    }
  }

  if (options.lifetimeMs !== undefined) {
    const lifetime = setTimeout(() => void stop(), options.lifetimeMs);
    lifetime.unref();
  }

  return {
    url: `http://127.0.0.1:${port}`,
    inject(fault, matches = () => true) {
      injections.push({ fault, matches });
    },
    down,
    up,
    async flap({ upMs, downMs, cycles }) {
      for (let cycle = 0; cycle < cycles && !stopped; cycle += 1) {
        await down();
        await new Promise((resolve) => setTimeout(resolve, downMs));
        await up();
        await new Promise((resolve) => setTimeout(resolve, upMs));
      }
    },
    requests: () => received,
    faults: () => ({ ...counts }),
    stop,
  };
}

/**
 * A plan that fails about `rate` of the requests, drawing each fault from `faults` with `random`
 * (seed it for a repeatable run).
 */
export function randomFaults(rate: number, faults: readonly Fault[], random: () => number): FaultPlan {
  return () => {
    if (faults.length === 0 || random() >= rate) return null;
    return faults[Math.floor(random() * faults.length)] ?? null;
  };
}

/** A small seeded generator (mulberry32), so a fault schedule can be replayed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = state;
    mixed = Math.imul(mixed ^ (mixed >>> 15), mixed | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}
