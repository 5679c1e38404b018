/**
 * Progress of a sweep: a plain event for any listener (a notebook's self-updating line), and the
 * terminal renderings: a cli-progress bar with ETA on a terminal, a periodic plain line otherwise
 * (CI logs, `nohup`, Slurm output files), both on stderr so stdout stays clean for data.
 */
export interface SweepProgress {
  /** Runs done in this folder, counting those done before a resume. */
  done: number;
  /** Runs of the sweep (or of this shard). */
  total: number;
  /** Runs done by this session. */
  ranThisSession: number;
  elapsedMs: number;
  /** This session's throughput. */
  runsPerSecond: number;
  /** Estimated time to finish at this session's throughput (undefined before the first runs finish). */
  etaMs: number | undefined;
}

export type ProgressListener = (p: SweepProgress) => void;

/** Builds progress events from counts (the runner calls update after each batch it writes). */
export class ProgressClock {
  private readonly startMs = performance.now();
  private ran = 0;

  constructor(private readonly alreadyDone: number, private readonly total: number) {}

  add(runs: number): SweepProgress {
    this.ran += runs;
    return this.now();
  }

  now(): SweepProgress {
    const elapsedMs = performance.now() - this.startMs;
    const runsPerSecond = elapsedMs > 0 ? (this.ran * 1000) / elapsedMs : 0;
    const left = this.total - this.alreadyDone - this.ran;
    return {
      done: this.alreadyDone + this.ran,
      total: this.total,
      ranThisSession: this.ran,
      elapsedMs,
      runsPerSecond,
      etaMs: this.ran > 0 ? (left / runsPerSecond) * 1000 : undefined,
    };
  }
}

/** "42 s", "3.5 min", "2.1 h". */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return '?';
  const s = ms / 1000;
  if (s < 90) return `${s.toFixed(0)} s`;
  if (s < 5400) return `${(s / 60).toFixed(1)} min`;
  return `${(s / 3600).toFixed(1)} h`;
}

/** One line: "sweep: 1200/10000 runs (12.0%), 350 runs/s, ETA 25 s" (`label` names the command). */
export function progressLine(p: SweepProgress, label = 'sweep'): string {
  const pct = p.total > 0 ? (100 * p.done) / p.total : 100;
  return `${label}: ${p.done}/${p.total} runs (${pct.toFixed(1)}%), ${p.runsPerSecond.toFixed(0)} runs/s, ETA ${formatDuration(p.etaMs)}`;
}

export interface ConsoleProgress {
  listener: ProgressListener;
  /** Ends the display (the bar's last state stays on screen). */
  stop(): void;
}

/**
 * Progress on a stream (stderr by default): a bar with ETA when it is a terminal, else a plain line
 * every `intervalMs` and at the end. `label` names the command ("sweep", "robustness").
 */
export function consoleProgress(stream: NodeJS.WriteStream = process.stderr, intervalMs = 10_000, label = 'sweep'): ConsoleProgress {
  if (stream.isTTY) {
    // Loaded only for a terminal: with --quiet or in a log file the bar's 20 modules are not needed.
    const { SingleBar } = require('cli-progress') as typeof import('cli-progress');
    const bar = new SingleBar({
      stream,
      format: `${label} |{bar}| {percentage}% | {value}/{total} runs | {rate} runs/s | ETA {etaText}`,
      barsize: 30,
      hideCursor: true,
      fps: 5,
    });
    let started = false;
    return {
      listener: (p) => {
        const payload = { rate: p.runsPerSecond.toFixed(0), etaText: formatDuration(p.etaMs) };
        if (!started) {
          bar.start(p.total, p.done, payload);
          started = true;
        } else bar.update(p.done, payload);
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let lastMs = -Infinity;
  let last: SweepProgress | undefined;
  return {
    listener: (p) => {
      last = p;
      if (p.elapsedMs - lastMs >= intervalMs) {
        lastMs = p.elapsedMs;
        stream.write(`${progressLine(p, label)}\n`);
      }
    },
    stop: () => {
      if (last && last.elapsedMs !== lastMs) stream.write(`${progressLine(last, label)}\n`);
    },
  };
}
