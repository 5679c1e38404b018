/**
 * danfojs frames and series as rich tables in a notebook. tslab prints a cell's last value with
 * console.log, which formats it with util.inspect: it has no display hook of its own (tslab 1.0).
 * So DataFrame and Series get an inspect method: inside a tslab kernel it sends the HTML table
 * (tableHtml) as a display output and prints one line with the frame's shape; anywhere else it
 * prints what util.inspect always printed. Only a top-level value is drawn as a table (a frame
 * nested in a logged object keeps the plain form).
 */
import { inspect } from 'util';
import { liveTslab } from './kernel';
import { tableHtml } from './tables';

/** Rows a frame shows as a cell's last value (its first ones and its last few). */
export const FRAME_ROWS_SHOWN = 20;

interface DanfoLike {
  columns: string[];
  values: unknown[];
  index: Array<string | number>;
  shape: number[];
}

type InspectFn = (this: DanfoLike, depth: number, options: { depth?: number | null }, fallback: typeof inspect) => string;

function frameInspector(kind: 'DataFrame' | 'Series'): InspectFn {
  return function (depth, options, fallback) {
    const tslab = liveTslab();
    const topLevel = options.depth === undefined || options.depth === null || depth === options.depth;
    if (!tslab || !topLevel) return fallback(this, { ...options, customInspect: false });
    const [rows, cols] = [this.shape[0], this.shape[1] ?? 1];
    const frame = kind === 'Series' ? { columns: this.columns?.length ? this.columns : ['value'], values: this.values, index: this.index } : this;
    tslab.display.html(tableHtml(frame, FRAME_ROWS_SHOWN));
    return `${kind}: ${rows.toLocaleString('en-US')} rows x ${cols} column${cols === 1 ? '' : 's'}`;
  };
}

const installed = new WeakSet<object>();

/** Gives danfojs's DataFrame and Series their notebook display (once per loaded danfojs). */
export function installFrameDisplay(danfo: { DataFrame: { prototype: object }; Series: { prototype: object } }): void {
  for (const [kind, cls] of [['DataFrame', danfo.DataFrame], ['Series', danfo.Series]] as const) {
    if (installed.has(cls.prototype)) continue;
    Object.defineProperty(cls.prototype, inspect.custom, { value: frameInspector(kind), configurable: true, writable: true });
    installed.add(cls.prototype);
  }
}
