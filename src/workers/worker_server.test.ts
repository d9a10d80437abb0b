import { describe, expect, test } from 'vitest';
import { createServer } from './worker_server';
import type { ServerMessage } from './worker_protocol';
import type { Call } from './worker_protocol';

// The server settles every request with exactly one message, whatever its handler does.

type Calls = {
  ok: Call<number, number, string>;
  throws: Call<void, never>;
  slow: Call<void, string>;
};

function createRecordingServer() {
  const posted: { msg: ServerMessage; transfer: Transferable[] }[] = [];
  const handle = createServer<Calls>(
    {
      ok: (n, ctx) => {
        ctx.progress('half');
        const buffer = new ArrayBuffer(4);
        ctx.transfer([buffer, buffer]);
        return n * 2;
      },
      throws: () => {
        throw new TypeError('ring too short');
      },
      slow: (_, { signal }) => new Promise((resolve) => signal.addEventListener('abort', () => resolve('stopped'))),
    },
    (msg, transfer = []) => posted.push({ msg, transfer }),
  );
  return { handle, posted };
}

describe('createServer', () => {
  test('posts progress, then the result with its transferables (each once)', async () => {
    const { handle, posted } = createRecordingServer();
    await handle({ kind: 'request', id: 1, type: 'ok', params: 21 });
    expect(posted.map((p) => p.msg)).toEqual([{ kind: 'progress', id: 1, progress: 'half' }, { kind: 'result', id: 1, result: 42 }]);
    expect(posted[1]!.transfer).toHaveLength(1);
  });

  test("a handler's exception is posted as an error with its name and message", async () => {
    const { handle, posted } = createRecordingServer();
    const error = console.error;
    console.error = () => {};
    await handle({ kind: 'request', id: 2, type: 'throws', params: undefined });
    console.error = error;
    expect(posted.map((p) => p.msg)).toEqual([{ kind: 'error', id: 2, name: 'TypeError', message: 'ring too short' }]);
  });

  test('an unknown request type is answered with an error, not ignored', async () => {
    const { handle, posted } = createRecordingServer();
    const error = console.error;
    console.error = () => {};
    await handle({ kind: 'request', id: 3, type: 'nope', params: null });
    console.error = error;
    expect(posted.map((p) => p.msg)).toEqual([{ kind: 'error', id: 3, name: 'Error', message: 'unknown request type "nope"' }]);
  });

  test('a cancelled request is answered as cancelled, even when its handler returns a value', async () => {
    const { handle, posted } = createRecordingServer();
    const done = handle({ kind: 'request', id: 4, type: 'slow', params: undefined });
    await handle({ kind: 'cancel', id: 4 });
    await done;
    expect(posted.map((p) => p.msg)).toEqual([{ kind: 'cancelled', id: 4 }]);
  });
});
