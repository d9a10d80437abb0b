// The wire format shared by every worker (import, layer file, statistics), after MapLibre's
// Actor: each worker declares its protocol once, a map from request type to
// { params, result, progress }, and both its client (worker_client.ts) and its server
// (worker_server.ts) are typed from that one declaration.

/** One request type of a worker: what goes in, what comes back, what it reports on the way. */
export interface Call<Params, Result, Progress = never> {
  params: Params;
  result: Result;
  progress: Progress;
}

/** A worker's protocol: request type → Call. */
export type Protocol = Record<string, Call<unknown, unknown, unknown>>;

export type ParamsOf<P extends Protocol, K extends keyof P> = P[K]['params'];
export type ResultOf<P extends Protocol, K extends keyof P> = P[K]['result'];
export type ProgressOf<P extends Protocol, K extends keyof P> = P[K]['progress'];

/** Main thread → worker. */
export type ClientMessage =
  | { kind: 'request'; id: number; type: string; params: unknown }
  /** The worker aborts the request's signal, and answers with `cancelled` once its handler returns. */
  | { kind: 'cancel'; id: number };

/** Worker → main thread. Every request is settled by exactly one result, error or cancelled. */
export type ServerMessage =
  | { kind: 'progress'; id: number; progress: unknown }
  | { kind: 'result'; id: number; result: unknown }
  /** An exception in the handler: its name and message, the stack stays in the worker's console. */
  | { kind: 'error'; id: number; name: string; message: string }
  | { kind: 'cancelled'; id: number };
