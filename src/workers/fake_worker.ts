import type { ClientMessage, Protocol, ServerMessage } from './worker_protocol';
import { createServer, type Handlers } from './worker_server';
import type { WorkerLike } from './worker_client';

// An in-process stand-in for a Worker, for the clients' unit tests: it runs the same server
// (worker_server.ts) as the real workers, and every message crosses as a structured clone with
// its transfer list, a task later, as between threads. `terminate()` stops both directions.
// A request of the type `stallOn` wedges it: from then on it reads no message, not even that
// request's cancel, as a worker stuck in a synchronous loop.

export interface FakeWorker extends WorkerLike {
  /** Messages the client posted, as the worker received them. */
  readonly received: ClientMessage[];
  terminated: boolean;
  stalled: boolean;
  /** Fires the worker's error event (an uncaught error in the worker). */
  fail(message: string): void;
  /** Fires messageerror (a message from the worker that could not be read). */
  failMessage(): void;
}

export function createFakeWorker<P extends Protocol>(handlers: Handlers<P>, stallOn?: keyof P): FakeWorker {
  const fake: FakeWorker = {
    received: [],
    terminated: false,
    stalled: false,
    onmessage: null,
    onerror: null,
    onmessageerror: null,
    postMessage(msg, transfer = []) {
      if (fake.terminated) return;
      const copy = structuredClone(msg, { transfer });
      setTimeout(() => {
        if (fake.terminated || fake.stalled) return;
        fake.received.push(copy);
        if (copy.kind === 'request' && copy.type === stallOn) fake.stalled = true;
        else void handle(copy);
      });
    },
    terminate() {
      fake.terminated = true;
    },
    fail(message) {
      setTimeout(() => fake.onerror?.({ message, preventDefault() {} } as ErrorEvent));
    },
    failMessage() {
      setTimeout(() => fake.onmessageerror?.({} as MessageEvent));
    },
  };
  const handle = createServer(handlers, (msg, transfer = []) => {
    if (fake.terminated) return;
    const copy = structuredClone(msg, { transfer }) as ServerMessage;
    setTimeout(() => {
      if (!fake.terminated) fake.onmessage?.({ data: copy } as MessageEvent<ServerMessage>);
    });
  });
  return fake;
}
