import type { ClientMessage, ParamsOf, ProgressOf, Protocol, ResultOf, ServerMessage } from './worker_protocol';

// Main-thread side of every worker (import, layer file, statistics): one promise per request,
// with progress, cancel, transferables, and a guarantee that no caller waits forever.
//
// - A handler's exception comes back as a WorkerError; `onerror` or `messageerror` rejects every
//   pending request with one (a lost message cannot be told apart from a slow one).
// - A cancel rejects at once with CancelledError and asks the worker to stop. Work in a worker
//   cannot see the abort while it runs a synchronous loop (a million-vertex ring), so if the
//   worker has not settled the request within `cancelGraceMs`, it is terminated and a fresh
//   one takes its place. Requests sent without transferables are sent again to the new worker
//   (a tile, a statistics job: their params are still here); those whose buffers went to the
//   old worker reject with WorkerError. `onReplaced` lets the owner restore state the old
//   worker held (tile indexes) before anything else reaches the new one.
// - While a cancelled request is unsettled, new requests wait here, unsent: the worker may be
//   wedged, and the file the user imports right after cancelling must not go down with it.

/** The one error of a cancelled request, from every worker. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

/** A request the worker could not answer: its handler threw, the worker failed, or it timed out. */
export class WorkerError extends Error {
  constructor(message: string, readonly workerErrorName = 'Error') {
    super(message);
    this.name = 'WorkerError';
  }
}

/** The part of `Worker` the client uses (a fake in tests). */
export interface WorkerLike {
  postMessage(msg: ClientMessage, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ServerMessage>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror: ((event: MessageEvent) => void) | null;
  terminate(): void;
}

export interface WorkerClientOptions {
  /** Starts a worker; called again for each worker that replaces a lost one. */
  create: () => WorkerLike;
  /** Named in error messages. */
  name: string;
  /** How long a cancelled request may take to settle before its worker is replaced; default 1500 ms. */
  cancelGraceMs?: number;
  /** Default time limit of each request, in ms; none by default (a large file may take minutes). */
  timeoutMs?: number;
  /** Called as a worker replaces a lost one, before pending requests are sent to it again. */
  onReplaced?: () => void;
}

export interface RequestOptions<Progress> {
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /** Buffers of `params` to transfer, not copy. */
  transfer?: Transferable[];
  /** Overrides the client's `timeoutMs`; on expiry the request is cancelled and rejects with WorkerError. */
  timeoutMs?: number;
  /** Send again to a worker that replaces a lost one; default: when nothing was transferred. */
  resend?: boolean;
  /** Called as the request is sent again: what its progress delivered so far is void. */
  onResend?: () => void;
}

export const DEFAULT_CANCEL_GRACE_MS = 1500;

interface Pending {
  type: string;
  params: unknown;
  transfer: Transferable[];
  /** Posted to the current worker (else waiting for a cancelled request to settle). */
  sent: boolean;
  resend: boolean;
  onProgress: (p: unknown) => void;
  onResend: (() => void) | undefined;
  resolve: (r: unknown) => void;
  reject: (e: Error) => void;
  /** Removes the abort listener and the timer. */
  release: () => void;
}

export class WorkerClient<P extends Protocol> {
  private worker: WorkerLike | null = null;
  private started = 0;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  /** Cancelled requests the worker has not settled yet, with the timer that replaces it. */
  private readonly cancelling = new Map<number, ReturnType<typeof setTimeout>>();

  constructor(private readonly options: WorkerClientOptions) {}

  /** Workers replaced so far (after a cancel that did not stop, or a failure). */
  get replacements(): number {
    return Math.max(0, this.started - 1);
  }

  request<K extends keyof P & string>(type: K, params: ParamsOf<P, K>, opts: RequestOptions<ProgressOf<P, K>> = {}): Promise<ResultOf<P, K>> {
    const { signal } = opts;
    if (signal?.aborted) return Promise.reject(new CancelledError());
    this.ensureWorker();
    const id = this.nextId++;
    return new Promise<ResultOf<P, K>>((resolve, reject) => {
      const onAbort = () => this.cancel(id, new CancelledError());
      const timeoutMs = opts.timeoutMs ?? this.options.timeoutMs;
      const timer = timeoutMs === undefined ? undefined : setTimeout(() => this.cancel(id, new WorkerError(`${this.options.name}: no answer within ${timeoutMs} ms`)), timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      const p: Pending = {
        type,
        params,
        transfer: opts.transfer ?? [],
        sent: false,
        resend: opts.resend ?? !opts.transfer?.length,
        onProgress: (opts.onProgress ?? (() => {})) as (p: unknown) => void,
        onResend: opts.onResend,
        resolve: resolve as (r: unknown) => void,
        reject,
        release: () => {
          signal?.removeEventListener('abort', onAbort);
          if (timer !== undefined) clearTimeout(timer);
        },
      };
      this.pending.set(id, p);
      if (this.cancelling.size === 0) this.send(id, p);
    });
  }

  /** Stops the worker; pending requests reject with CancelledError. The next request starts a new one. */
  dispose(): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    this.stop();
    for (const p of pending) {
      p.release();
      p.reject(new CancelledError());
    }
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.options.create();
    worker.onmessage = (event) => {
      if (this.worker === worker) this.receive(event.data);
    };
    worker.onerror = (event) => {
      // handled here: the page's console shows the worker's own report of it
      event.preventDefault?.();
      if (this.worker === worker) this.failAll(`${this.options.name} failed: ${event.message || 'error in the worker'}`);
    };
    worker.onmessageerror = () => {
      if (this.worker === worker) this.failAll(`${this.options.name}: a message from the worker could not be read`);
    };
    this.worker = worker;
    // pending as a worker starts: requests kept from a lost worker, and those waiting unsent
    const again = [...this.pending.entries()];
    if (this.started++ > 0) this.options.onReplaced?.();
    for (const [id, p] of again) this.send(id, p);
    return worker;
  }

  private send(id: number, p: Pending): void {
    if (p.sent) p.onResend?.();
    // buffers are transferred once; a request that transferred some is never sent again
    this.worker?.postMessage({ kind: 'request', id, type: p.type, params: p.params }, p.sent ? [] : p.transfer);
    p.sent = true;
  }

  private receive(msg: ServerMessage): void {
    const p = this.pending.get(msg.id);
    if (msg.kind === 'progress') return p?.onProgress(msg.progress);
    // settled: a cancelled request that ends in time keeps its worker
    const timer = this.cancelling.get(msg.id);
    if (timer !== undefined) {
      clearTimeout(timer);
      this.cancelling.delete(msg.id);
      if (this.cancelling.size === 0) for (const [id, q] of this.pending) if (!q.sent) this.send(id, q);
    }
    if (!p) return;
    this.pending.delete(msg.id);
    p.release();
    if (msg.kind === 'result') p.resolve(msg.result);
    else if (msg.kind === 'error') p.reject(new WorkerError(msg.message, msg.name));
    else p.reject(new CancelledError());
  }

  /** Rejects request `id` now, asks the worker to stop it, and replaces the worker if it does not in time. */
  private cancel(id: number, error: Error): void {
    const p = this.pending.get(id);
    if (!p) return;
    this.pending.delete(id);
    p.release();
    p.reject(error);
    const worker = this.worker;
    // one that was waiting unsent: the worker never heard of it, and will never settle it
    if (!worker || !p.sent) return;
    worker.postMessage({ kind: 'cancel', id });
    const grace = this.options.cancelGraceMs ?? DEFAULT_CANCEL_GRACE_MS;
    this.cancelling.set(
      id,
      setTimeout(() => {
        if (this.worker === worker) this.replace(`${this.options.name} was restarted: a cancelled request did not stop within ${grace} ms`);
      }, grace),
    );
  }

  /** onerror / messageerror: which request it concerned is unknown, so every one is rejected and cancelled. */
  private failAll(reason: string): void {
    for (const id of [...this.pending.keys()]) this.cancel(id, new WorkerError(reason));
  }

  private replace(reason: string): void {
    // said in the console: the one trace a user's report (and the e2e test) has of a wedged job
    console.warn(`[mtmap] ${reason}`);
    this.stop();
    for (const [id, p] of this.pending) {
      if (p.resend || !p.sent) continue;
      this.pending.delete(id);
      p.release();
      p.reject(new WorkerError(reason));
    }
    // requests kept go to a new worker now (a tile the map waits for); otherwise it starts with the next request
    if (this.pending.size > 0) this.ensureWorker();
  }

  private stop(): void {
    this.worker?.terminate();
    this.worker = null;
    for (const timer of this.cancelling.values()) clearTimeout(timer);
    this.cancelling.clear();
  }
}
