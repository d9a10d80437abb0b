import { describe, expect, test } from 'vitest';
import { CancelledError, WorkerClient, WorkerError } from './worker_client';
import { createFakeWorker, type FakeWorker } from './fake_worker';
import type { Call } from './worker_protocol';
import type { Handlers } from './worker_server';

// The generic client against in-process fake workers running the real server (fake_worker.ts).

type TestCalls = {
  /** Sums the bytes; reports each one; answers with a buffer of the sum, transferred. */
  sum: Call<{ bytes: Uint8Array }, ArrayBuffer, number>;
  fail: Call<{ message: string }, never>;
  /** Settles only when cancelled. */
  wait: Call<void, string>;
  /** Wedges the fake worker (createFakeWorker's stallOn): it reads no message after it. */
  wedge: Call<void, string>;
  echo: Call<string, string>;
};

function createHandlers(returned: ArrayBuffer[] = []): Handlers<TestCalls> {
  return {
    sum: ({ bytes }, ctx) => {
      for (const b of bytes) ctx.progress(b);
      const out = new Uint32Array([bytes.reduce((a, b) => a + b, 0)]).buffer;
      returned.push(out);
      ctx.transfer([out]);
      return out;
    },
    fail: ({ message }) => {
      throw new RangeError(message);
    },
    wait: (_, { signal }) => new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(new Error('aborted')))),
    wedge: () => 'never reached',
    echo: (s) => s,
  };
}

/** A client whose workers are fakes, recorded in `workers` as they start. */
function createClient(options: { cancelGraceMs?: number; timeoutMs?: number; onReplaced?: () => void } = {}) {
  const workers: FakeWorker[] = [];
  const client = new WorkerClient<TestCalls>({
    name: 'test worker',
    create: () => {
      const w = createFakeWorker<TestCalls>(createHandlers(), 'wedge');
      workers.push(w);
      return w;
    },
    ...options,
  });
  return { client, workers };
}

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('WorkerClient', () => {
  test('resolves with the result, reports progress, and transfers buffers both ways', async () => {
    const returned: ArrayBuffer[] = [];
    const client = new WorkerClient<TestCalls>({ name: 't', create: () => createFakeWorker<TestCalls>(createHandlers(returned)) });
    const bytes = new Uint8Array([1, 2, 3]);
    const progress: number[] = [];
    const result = await client.request('sum', { bytes }, { transfer: [bytes.buffer], onProgress: (p) => progress.push(p) });
    expect(new Uint32Array(result)[0]).toBe(6);
    expect(progress).toEqual([1, 2, 3]);
    // transferred, not copied: the sender's buffer is detached on each side
    expect(bytes.byteLength).toBe(0);
    expect(returned[0]!.byteLength).toBe(0);
  });

  test("a handler's exception rejects its request with a WorkerError naming it, and the worker serves on", async () => {
    const { client, workers } = createClient();
    const error = await client.request('fail', { message: 'bad ring' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerError);
    expect((error as WorkerError).message).toBe('bad ring');
    expect((error as WorkerError).workerErrorName).toBe('RangeError');
    expect(await client.request('echo', 'next')).toBe('next');
    expect(workers).toHaveLength(1);
  });

  test('an error event in the worker rejects every pending request', async () => {
    const { client, workers } = createClient({ cancelGraceMs: 20 });
    const a = client.request('wedge', undefined);
    const b = client.request('wait', undefined);
    await tick();
    workers[0]!.fail('out of memory');
    await expect(a).rejects.toThrow(/test worker failed: out of memory/);
    await expect(b).rejects.toBeInstanceOf(WorkerError);
    // the wedged one never settles its cancel: the worker is replaced and the next request works
    await tick(40);
    expect(await client.request('echo', 'after')).toBe('after');
  });

  test('a message from the worker that cannot be read rejects every pending request', async () => {
    const { client, workers } = createClient();
    const a = client.request('wait', undefined);
    const b = client.request('wait', undefined);
    await tick();
    workers[0]!.failMessage();
    await expect(a).rejects.toThrow(/could not be read/);
    await expect(b).rejects.toThrow(/could not be read/);
  });

  test('a cancel answered in time rejects with CancelledError and keeps the worker', async () => {
    const { client, workers } = createClient({ cancelGraceMs: 30 });
    const controller = new AbortController();
    const job = client.request('wait', undefined, { signal: controller.signal });
    await tick();
    controller.abort();
    await expect(job).rejects.toBeInstanceOf(CancelledError);
    await tick(60);
    expect(workers[0]!.received.map((m) => m.kind)).toEqual(['request', 'cancel']);
    expect(workers[0]!.terminated).toBe(false);
    expect(await client.request('echo', 'same worker')).toBe('same worker');
    expect(workers).toHaveLength(1);
  });

  test('a cancel not answered in time terminates the worker; a fresh one serves the next request', async () => {
    const { client, workers } = createClient({ cancelGraceMs: 30 });
    const controller = new AbortController();
    const wedged = client.request('wedge', undefined, { signal: controller.signal });
    // pending on the same worker: one that transferred its bytes, one that can be sent again
    const bytes = new Uint8Array([5]);
    const withBytes = client.request('wedge', undefined, { transfer: [bytes.buffer] }).catch((e: unknown) => e);
    const kept = client.request('echo', 'kept');
    controller.abort();
    // sent right after the cancel: it waits, and goes with its bytes to the new worker
    const after = new Uint8Array([2, 3]);
    const later = client.request('sum', { bytes: after }, { transfer: [after.buffer] });
    // the cancel is reported at once, not after the grace period
    await expect(wedged).rejects.toBeInstanceOf(CancelledError);
    expect(workers[0]!.terminated).toBe(false);
    await tick(60);
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(await withBytes).toBeInstanceOf(WorkerError);
    expect(String(await withBytes)).toMatch(/restarted: a cancelled request did not stop within 30 ms/);
    expect(await kept).toBe('kept');
    expect(new Uint32Array(await later)[0]).toBe(5);
    expect(workers[0]!.received.map((m) => m.kind)).toEqual(['request']);
    expect(await client.request('echo', 'next')).toBe('next');
    expect(client.replacements).toBe(1);
  });

  test('a request cancelled while it waits unsent is not asked of the worker, and does not cost it', async () => {
    const { client, workers } = createClient({ cancelGraceMs: 30 });
    const first = new AbortController();
    const slow = client.request('wait', undefined, { signal: first.signal });
    await tick();
    first.abort();
    // waits unsent while the first cancel is unsettled, then is cancelled itself
    const second = new AbortController();
    const waiting = client.request('echo', 'never sent', { signal: second.signal });
    second.abort();
    await expect(slow).rejects.toBeInstanceOf(CancelledError);
    await expect(waiting).rejects.toBeInstanceOf(CancelledError);
    await tick(60);
    expect(workers[0]!.received.map((m) => m.kind)).toEqual(['request', 'cancel']);
    expect(workers).toHaveLength(1);
    expect(await client.request('echo', 'same worker')).toBe('same worker');
  });

  test('a request with a time limit rejects when it is over, and a wedged worker is replaced', async () => {
    const { client, workers } = createClient({ cancelGraceMs: 20 });
    await expect(client.request('wedge', undefined, { timeoutMs: 20 })).rejects.toThrow(/no answer within 20 ms/);
    await tick(40);
    expect(workers[0]!.terminated).toBe(true);
    expect(await client.request('echo', 'next')).toBe('next');
  });

  test("the client's time limit applies to every request", async () => {
    const { client } = createClient({ timeoutMs: 20 });
    await expect(client.request('wait', undefined)).rejects.toBeInstanceOf(WorkerError);
  });

  test('onReplaced runs on the new worker before the requests sent again', async () => {
    const order: string[] = [];
    const { client, workers } = createClient({ cancelGraceMs: 20, onReplaced: () => void client.request('echo', 'restore').then((s) => order.push(s)) });
    const controller = new AbortController();
    void client.request('wedge', undefined, { signal: controller.signal }).catch(() => {});
    const kept = client.request('echo', 'kept').then((s) => order.push(s));
    controller.abort();
    await kept;
    await tick(10);
    expect(workers[1]!.received.map((m) => (m.kind === 'request' ? m.params : m.kind))).toEqual(['restore', 'kept']);
    expect(order).toEqual(['restore', 'kept']);
  });

  test('an aborted signal rejects without sending anything; dispose rejects what is pending', async () => {
    const { client, workers } = createClient();
    const controller = new AbortController();
    controller.abort();
    await expect(client.request('echo', 'x', { signal: controller.signal })).rejects.toBeInstanceOf(CancelledError);
    expect(workers).toHaveLength(0);
    const job = client.request('wait', undefined);
    client.dispose();
    await expect(job).rejects.toBeInstanceOf(CancelledError);
    expect(workers[0]!.terminated).toBe(true);
  });
});
