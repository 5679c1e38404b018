/**
 * Axis ticks that read at a glance. A log axis is labelled at decades only (plotly's own log ticks
 * add "2" and "5" between decades, which read as values); a duration axis is labelled in the unit
 * that reads best (seconds, minutes, hours, days) rather than as "0.001 h".
 */

/** What the values on an axis measure, which decides how its ticks are labelled. */
export type AxisKind = 'number' | 'share' | 'durationHours';

const HOUR_S = 1 / 3600;
const HOUR_MIN = 1 / 60;

/**
 * Round durations a log axis of hours is labelled at: the decades of each unit (1 and 10 seconds,
 * minutes and hours; 1, 10 and 100 days), about one per decade of hours.
 */
const DURATION_TICKS: ReadonlyArray<{ hours: number; text: string }> = [
  { hours: HOUR_S, text: '1 s' },
  { hours: 10 * HOUR_S, text: '10 s' },
  { hours: HOUR_MIN, text: '1 min' },
  { hours: 10 * HOUR_MIN, text: '10 min' },
  { hours: 1, text: '1 h' },
  { hours: 10, text: '10 h' },
  { hours: 24, text: '1 day' },
  { hours: 240, text: '10 days' },
  { hours: 2400, text: '100 days' },
  { hours: 24000, text: '1,000 days' },
];

/** A number printed briefly: 3 significant digits, no exponent ("0.001", "2.5", "1,000"). */
function brief(v: number): string {
  const r = Number(v.toPrecision(3));
  return Math.abs(r) >= 1000 ? r.toLocaleString('en-US') : String(r);
}

/** A duration in hours as text in the unit that reads best ("36 s", "6 min", "2 h", "4.17 days"). */
export function durationText(hours: number): string {
  const a = Math.abs(hours);
  if (a === 0) return '0';
  if (a < HOUR_MIN) return `${brief(hours * 3600)} s`;
  if (a < 1) return `${brief(hours * 60)} min`;
  if (a < 48) return `${brief(hours)} h`;
  return `${brief(hours / 24)} days`;
}

/** Label of a decade 10^k of a share axis: a percentage ("10%", "0.1%"). */
function shareText(v: number): string {
  return `${brief(v * 100)}%`;
}

/** Smallest and largest positive finite value (a log axis shows nothing else), or undefined. */
export function positiveRange(values: Iterable<number | null | undefined>): [number, number] | undefined {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : undefined;
}

/** Tick positions (data values) and labels of a log axis. */
export interface LogTicks {
  tickvals: number[];
  ticktext: string[];
}

/**
 * Ticks of a log axis over [min, max] (positive values): one per decade (10^k), labelled by kind;
 * durations at the round durations of DURATION_TICKS. Only ticks within the range, unless fewer
 * than two fall in it: then the range is widened a decade at a time until two do.
 */
export function logTicks(min: number, max: number, kind: AxisKind = 'number'): LogTicks {
  if (!(min > 0 && max >= min)) throw new RangeError(`logTicks: need 0 < min <= max, got ${min}, ${max}`);
  const eps = 1e-9;
  for (let widen = 0; widen <= 24; widen++) {
    // Widen downwards and upwards in turn.
    const lo = min / 10 ** Math.floor((widen + 1) / 2);
    const hi = max * 10 ** Math.floor(widen / 2);
    if (kind === 'durationHours') {
      const within = DURATION_TICKS.filter((t) => t.hours >= lo * (1 - eps) && t.hours <= hi * (1 + eps));
      if (within.length >= 2) return { tickvals: within.map((t) => t.hours), ticktext: within.map((t) => t.text) };
      // Beyond the round durations (over 1,000 days, under a second): decades, labelled as durations.
      if (hi < DURATION_TICKS[0].hours || lo > DURATION_TICKS[DURATION_TICKS.length - 1].hours) return decades(lo, hi, durationText) ?? logTicks(min / 10, max * 10, kind);
      continue;
    }
    const ticks = decades(lo, hi, kind === 'share' ? shareText : brief);
    if (ticks) return ticks;
  }
  throw new Error(`logTicks: no ticks for [${min}, ${max}]`);
}

/** The decades 10^k within [lo, hi], when there are at least two. */
function decades(lo: number, hi: number, label: (v: number) => string): LogTicks | undefined {
  const tickvals: number[] = [];
  for (let k = Math.ceil(Math.log10(lo) - 1e-9); k <= Math.floor(Math.log10(hi) + 1e-9); k++) tickvals.push(Number((10 ** k).toPrecision(1)));
  return tickvals.length >= 2 ? { tickvals, ticktext: tickvals.map(label) } : undefined;
}

/** Layout attributes of a log axis labelled at decades, for the values it shows. */
export function logAxis(values: Iterable<number | null | undefined>, kind: AxisKind = 'number'): Record<string, unknown> {
  const range = positiveRange(values);
  const ticks = range ? logTicks(range[0], range[1], kind) : undefined;
  return { type: 'log', ...(ticks ? { tickmode: 'array', tickvals: ticks.tickvals, ticktext: ticks.ticktext } : { dtick: 1 }) };
}

/** The unit a linear duration axis reads best in, from its largest value in hours. */
export function durationUnit(maxHours: number): { unit: 'seconds' | 'minutes' | 'hours' | 'days'; perHour: number } {
  const a = Math.abs(maxHours);
  if (a > 0 && a < 2 * HOUR_MIN) return { unit: 'seconds', perHour: 3600 };
  if (a > 0 && a < 2) return { unit: 'minutes', perHour: 60 };
  if (a < 96) return { unit: 'hours', perHour: 1 };
  return { unit: 'days', perHour: 1 / 24 };
}
