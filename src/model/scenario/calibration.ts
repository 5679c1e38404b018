/**
 * Calibration figures from `data/calibration/*.json`, each with its source and date (or marked as an
 * assumption). Scenario defaults are read from here so that a number has one home.
 */
/* eslint-disable @typescript-eslint/no-var-requires */

/** One sourced figure as stored in `data/calibration`. */
export interface CalibrationFigure {
  value: number;
  unit: string;
  source?: string;
  date?: string;
  assumption?: string;
}

// The data folder sits beside src/ and dist/, so the same relative path works from both.
const files: Record<string, unknown> = {
  hardware: require('../../../data/calibration/hardware.json'),
  energy: require('../../../data/calibration/energy.json'),
  costs: require('../../../data/calibration/costs.json'),
  cadence: require('../../../data/calibration/cadence.json'),
  rewards: require('../../../data/calibration/rewards.json'),
  outages: require('../../../data/calibration/outages.json'),
  mechanisms: require('../../../data/calibration/mechanisms.json'),
};

/** The figure at a dotted path such as `hardware.kinds.h100.capexUsdPerUnit`. */
export function figure(path: string): CalibrationFigure {
  let node: unknown = files;
  for (const key of path.split('.')) {
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }
  const fig = node as CalibrationFigure | undefined;
  if (!fig || typeof fig.value !== 'number') throw new Error(`calibration figure not found: ${path}`);
  return fig;
}

/** The value of a calibration figure. */
export function calibrated(path: string): number {
  return figure(path).value;
}

/** "source, date" or "assumption: why", for parameter documentation. */
export function provenance(path: string): string {
  const fig = figure(path);
  return fig.assumption ? `assumption (data/calibration): ${fig.assumption}` : `${fig.source}, ${fig.date} (data/calibration/${path.split('.')[0]}.json)`;
}

/** Every figure, flattened to dotted paths (for the README and reports). */
export function allFigures(): Array<{ path: string; figure: CalibrationFigure }> {
  const out: Array<{ path: string; figure: CalibrationFigure }> = [];
  const walk = (node: unknown, path: string): void => {
    if (typeof node !== 'object' || node === null) return;
    const rec = node as Record<string, unknown>;
    if (typeof rec.value === 'number') {
      out.push({ path, figure: rec as unknown as CalibrationFigure });
      return;
    }
    for (const [k, v] of Object.entries(rec)) walk(v, path ? `${path}.${k}` : k);
  };
  walk(files, '');
  return out;
}
