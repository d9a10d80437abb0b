/// <reference lib="webworker" />
import { importFile } from '../io/formats/registry';
import type { ImportRequest, ImportResponse } from './import_protocol';
import { tableTransferables } from '../io/point_table';

// Parsing and reprojection of the user's files run here, never on the main thread.

const scope = self as unknown as DedicatedWorkerGlobalScope;
const running = new Map<number, AbortController>();
const post = (msg: ImportResponse) => scope.postMessage(msg);

scope.onmessage = async (event: MessageEvent<ImportRequest>) => {
  const req = event.data;
  if (req.type === 'cancel') {
    running.get(req.id)?.abort();
    return;
  }
  const controller = new AbortController();
  running.set(req.id, controller);
  let last = 0;
  try {
    const result = await importFile(req.input, { ...req.options, signal: controller.signal }, (progress) => {
      const now = performance.now();
      if (now - last > 50 || progress.stage === 'done') {
        last = now;
        post({ type: 'progress', id: req.id, progress });
      }
    });
    // typed columns of large point layers are transferred, not copied
    const transfer = result.ok ? result.layers.flatMap((l) => (l.points ? tableTransferables(l.points) : [])) : [];
    scope.postMessage({ type: 'result', id: req.id, result } satisfies ImportResponse, transfer);
  } finally {
    running.delete(req.id);
  }
};
