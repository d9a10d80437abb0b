/// <reference lib="webworker" />
import { parseCsvColumnar } from '../../../src/io/csv_columnar';

// Parses CSV bytes into columns and transfers the typed arrays back, with progress messages.
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (ev: MessageEvent<{ buf: ArrayBuffer }>) => {
  let last = 0;
  const r = parseCsvColumnar(ev.data.buf, {
    onProgress: (done, total) => {
      const now = performance.now();
      if (now - last < 50 && done < total) return;
      last = now;
      scope.postMessage({ type: 'progress', done, total });
    },
  });
  const transfer = Object.values(r.numeric).map((a) => a.buffer as ArrayBuffer);
  scope.postMessage({ type: 'result', rows: r.rows, columns: r.columns, numeric: r.numeric, text: r.text }, transfer);
};
