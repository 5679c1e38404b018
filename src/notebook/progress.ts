/**
 * A progress line that rewrites itself in place in the notebook ("12 / 40 runs, 30%, 3.1 s,
 * about 7 s left"). Outside a tslab kernel it does nothing, so library code can report progress
 * unconditionally.
 *
 * The kernel sends outputs only when the event loop runs: a synchronous loop shows its final line
 * only. Loops that should show progress live await between steps (see `yieldToKernel`).
 */
import { liveTslab, type KernelDisplay } from './kernel';

export interface ProgressDisplay {
  /** Marks `done` steps as finished, of `total` when given (redraws at most every `intervalMs`). */
  update(done: number, total?: number): void;
  /** Marks everything done and writes the final line with the elapsed time. */
  finish(): void;
}

export interface ProgressOptions {
  /** What is being counted, e.g. "runs". */
  unit?: string;
  /** What is running, shown first. */
  label?: string;
  /** Least time between two redraws (default 200 ms): each redraw is a message to the browser. */
  intervalMs?: number;
  /** Clock (tests pass a fake one). */
  nowMs?: () => number;
}

/** The text of a progress line. */
export function progressText(done: number, total: number, elapsedMs: number, options: { unit?: string; label?: string } = {}): string {
  const unit = options.unit ? ` ${options.unit}` : '';
  const share = total > 0 ? Math.min(1, done / total) : 1;
  const parts = [`${done} / ${total}${unit}`, `${Math.round(share * 100)}%`, `${(elapsedMs / 1000).toFixed(1)} s`];
  if (done > 0 && done < total) parts.push(`about ${Math.ceil(((elapsedMs / done) * (total - done)) / 1000)} s left`);
  return `${options.label ? `${options.label}: ` : ''}${parts.join(', ')}`;
}

/**
 * A self-updating progress line for `total` steps (silent outside a tslab kernel). With a sweep:
 * `runSweep(opts, { onProgress: (p) => line.update(p.done, p.total) })`.
 */
export function progressDisplay(total: number, options: ProgressOptions = {}): ProgressDisplay {
  const now = options.nowMs ?? (() => Date.now());
  const interval = options.intervalMs ?? 200;
  const tslab = liveTslab();
  const display: KernelDisplay | undefined = tslab?.newDisplay();
  const start = now();
  let lastDrawMs = -Infinity;
  let done = 0;
  const draw = () => {
    lastDrawMs = now();
    display?.text(progressText(done, total, lastDrawMs - start, options));
  };
  draw();
  return {
    update(n: number, newTotal?: number) {
      done = n;
      if (newTotal !== undefined) total = newTotal;
      if (now() - lastDrawMs >= interval) draw();
    },
    finish() {
      done = total;
      draw();
    },
  };
}

/** Lets the kernel send pending outputs (progress) before the next step of a long loop. */
export function yieldToKernel(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/**
 * `items.map(step)` with a progress line in the notebook: the kernel gets the chance to redraw it
 * between steps (a synchronous loop would show only its last line). Use with top-level await:
 * `const runs = await mapWithProgress(VARIANTS, (v) => simulate(...), { unit: 'runs' })`.
 */
export async function mapWithProgress<T, R>(items: readonly T[], step: (item: T, index: number) => R, options: ProgressOptions = {}): Promise<R[]> {
  const line = progressDisplay(items.length, options);
  const out: R[] = [];
  for (let i = 0; i < items.length; i++) {
    await yieldToKernel();
    out.push(step(items[i], i));
    line.update(i + 1);
  }
  line.finish();
  return out;
}
