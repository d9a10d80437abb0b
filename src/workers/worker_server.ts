/// <reference lib="webworker" />
import type { ClientMessage, ParamsOf, ProgressOf, Protocol, ResultOf, ServerMessage } from './worker_protocol';

// Worker side of every worker: runs one handler per request type, and settles every request
// with exactly one message, whatever the handler does, so that no caller waits on a request the
// worker has forgotten. A handler that throws is answered with an error, never swallowed.

export interface HandlerContext<Progress> {
  /** The request's id, unique in its client (names the request's feature slices and tile keys). */
  id: number;
  /** Aborted when the client cancels this request. */
  signal: AbortSignal;
  /** Reports progress; `transfer` moves buffers instead of copying them. */
  progress(p: Progress, transfer?: Transferable[]): void;
  /** Buffers to transfer, not copy, with the result. */
  transfer(list: Iterable<Transferable>): void;
}

export type Handlers<P extends Protocol> = {
  [K in keyof P]: (params: ParamsOf<P, K>, ctx: HandlerContext<ProgressOf<P, K>>) => ResultOf<P, K> | Promise<ResultOf<P, K>>;
};

export type Post = (msg: ServerMessage, transfer?: Transferable[]) => void;

/**
 * Returns the function that handles each message from the client. A handler is called
 * synchronously on its message, so requests start in the order they were sent (a tile asked
 * for after its layer's features reaches an index that has them).
 */
export function createServer<P extends Protocol>(handlers: Handlers<P>, post: Post): (msg: ClientMessage) => Promise<void> {
  const running = new Map<number, AbortController>();
  return async (msg) => {
    if (msg.kind === 'cancel') {
      running.get(msg.id)?.abort();
      return;
    }
    const { id } = msg;
    const controller = new AbortController();
    running.set(id, controller);
    const transfer: Transferable[] = [];
    const ctx: HandlerContext<unknown> = {
      id,
      signal: controller.signal,
      progress: (progress, list) => {
        if (!controller.signal.aborted) post({ kind: 'progress', id, progress }, list);
      },
      transfer: (list) => void transfer.push(...list),
    };
    try {
      const handler = handlers[msg.type as keyof P];
      if (!handler) throw new Error(`unknown request type "${msg.type}"`);
      const result = await handler(msg.params as ParamsOf<P, keyof P>, ctx as HandlerContext<ProgressOf<P, keyof P>>);
      if (controller.signal.aborted) post({ kind: 'cancelled', id });
      // a Set: a buffer named twice would fail the whole message
      else post({ kind: 'result', id, result }, [...new Set(transfer)]);
    } catch (e) {
      if (controller.signal.aborted) post({ kind: 'cancelled', id });
      else {
        console.error(e);
        post({ kind: 'error', id, name: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) });
      }
    } finally {
      running.delete(id);
    }
  };
}

/** Serves `handlers` in this worker. */
export function serveWorker<P extends Protocol>(handlers: Handlers<P>): void {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  const handle = createServer(handlers, (msg, transfer) => scope.postMessage(msg, transfer ?? []));
  scope.onmessage = (event: MessageEvent<ClientMessage>) => void handle(event.data);
}
