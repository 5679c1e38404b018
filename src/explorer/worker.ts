/**
 * The explorer's Web Worker (browser entry, bundled by scripts/build-explorer.js): the whole model
 * runs here, off the page's thread, so the page never freezes. One request at a time; the page
 * ends a worker whose run it no longer wants and starts a fresh one.
 */
import { explore, requestSeeds, resolveRequest } from './engine';
import type { FromWorker, ToWorker } from './protocol';

/** The part of a worker's global scope used here (the project compiles without the WebWorker lib). */
interface WorkerScope {
  onmessage: ((event: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = globalThis as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, kind, request } = event.data;
  const t0 = performance.now();
  try {
    const resolved = resolveRequest(request);
    if ('invalid' in resolved) return scope.postMessage({ id, kind: 'invalid', invalid: resolved.invalid });
    if (kind === 'validate') return scope.postMessage({ id, kind: 'valid', seeds: requestSeeds(resolved.scenario.seed, request.seeds) });
    const result = explore(resolved.scenario, request, (done, total, ms) => scope.postMessage({ id, kind: 'progress', done, total, ms }));
    scope.postMessage({ id, kind: 'result', result, totalMs: performance.now() - t0 });
  } catch (err) {
    scope.postMessage({ id, kind: 'error', message: err instanceof Error ? err.message : String(err) });
  }
};
