/// <reference lib="webworker" />
import { importFile } from '../io/formats/registry';
import type { ImportRequest, ImportResponse } from './import_protocol';
import { tableTransferables } from '../io/point_table';
import { postInSlices } from '../io/map_source';
import type { ImportResult } from '../io/formats/types';

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
    // large collections go in slices (io/map_source.ts); typed columns of large point layers are transferred, not copied
    const sent: ImportResult = result.ok ? { ...result, layers: result.layers.map((l, i) => ({ ...l, data: postInSlices(l.data, req.id, i, post) ?? l.data })) } : result;
    const transfer = sent.ok ? sent.layers.flatMap((l) => (l.points ? tableTransferables(l.points) : [])) : [];
    scope.postMessage({ type: 'result', id: req.id, result: sent } satisfies ImportResponse, transfer);
  } finally {
    running.delete(req.id);
  }
};
