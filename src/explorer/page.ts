/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * The explorer panel in the page (browser entry, bundled by scripts/build-explorer.js). It builds
 * the inputs from the page's spec, asks the Web Worker to validate and run them, and shows the
 * report's table and charts for the result. The state lives in the URL fragment, so a link
 * reproduces a run; the panel also prints the CLI command that gives the same numbers.
 *
 * Written for a strict Content-Security-Policy: no inline event handlers, no eval, no markup built
 * from strings (every text goes in through textContent), and the worker comes from a Blob URL
 * (`worker-src blob:`).
 */
import { shellQuote } from '../report/escape';
import { formatQuantity, type QuantityKind } from '../report/write/format';
import type { ExploreInvalid, ExploreRequest, ExploreResult } from './engine';
import type { InputSpec } from './params';
import type { FromWorker, ToWorker } from './protocol';
import { ROOT_ATTRIBUTE, SECTION_CLASS, SPEC_ATTRIBUTE, WORKER_ATTRIBUTE, WORKER_ENCODING, type ExplorerScenario, type ExplorerSpec } from './spec';

interface PlotlyApi {
  react(el: HTMLElement, data: unknown, layout: unknown, config: unknown): Promise<unknown>;
}

/** Class of figure divs (as src/charts/html.ts FIGURE_CLASS: tests and pages find charts by it). */
const FIGURE_CLASS = 'prover-sim-figure';
/** Fragment keys that are not scenario paths. */
const SCENARIO_KEY = 'scenario';
const SEEDS_KEY = 'seeds';
/** The scenario's master seed: an input like the others, given to the CLI as --seed. */
const SEED_PATH = 'seed';
/** Wait after the last keystroke before validating, ms. */
const VALIDATE_DELAY_MS = 250;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}

class Explorer {
  private readonly spec: ExplorerSpec;
  /** Prefix of the ids of this panel's elements. */
  private readonly prefix: string;
  private readonly workerUrl: string;
  private worker: Worker | null = null;
  private seq = 0;
  /** The run whose answers are awaited, and the latest validation. */
  private runId = 0;
  private validateId = 0;
  private validateTimer: number | undefined;
  private scenarioIndex = 0;
  private runs = 0;
  /** The seeds of the current inputs, once validated (for the CLI line). */
  private seeds: number[] | null = null;
  private readonly form: HTMLFormElement;
  private readonly fields: HTMLElement;
  private readonly select: HTMLSelectElement | null;
  private readonly seedsInput: HTMLInputElement;
  private readonly general: HTMLElement;
  private readonly progress: HTMLProgressElement;
  private readonly status: HTMLElement;
  private readonly cli: HTMLElement;
  private readonly cliReport: HTMLElement;
  private readonly link: HTMLAnchorElement;
  private readonly table: HTMLElement;
  private readonly charts: HTMLElement;

  /** `n`: the panel's place among the page's panels (ids carry it, so several panels can share a page, as in a notebook). */
  constructor(root: HTMLElement, spec: ExplorerSpec, worker: Blob, n: number) {
    this.spec = spec;
    this.prefix = n === 0 ? 'explorer' : `explorer${n + 1}`;
    this.workerUrl = URL.createObjectURL(worker);
    this.select = spec.scenarios.length > 1 ? el('select', { 'data-control': 'scenario', id: `${this.prefix}-scenario` }) : null;
    this.select?.append(...spec.scenarios.map((s, i) => el('option', { value: String(i) }, s.label)));
    this.fields = el('div', { class: 'ex-fields' });
    this.seedsInput = el('input', { type: 'text', inputmode: 'numeric', id: `${this.prefix}-seeds`, 'data-control': 'seeds', value: String(spec.seeds) });
    this.general = el('p', { class: 'ex-error', 'data-explorer-error': '', role: 'alert' });
    this.progress = el('progress', { max: '1', value: '0', 'data-explorer-progress': '' });
    this.status = el('span', { class: 'ex-status', 'data-explorer-status': '' });
    this.cli = el('code', { 'data-explorer-cli': '' });
    this.cliReport = el('code', { 'data-explorer-cli-report': '' });
    this.link = el('a', { href: '#', 'data-explorer-link': '' }, 'Link to these assumptions');
    this.table = el('div', { class: 'ex-table', 'data-explorer-table': '' });
    this.charts = el('div', { class: 'ex-charts', 'data-explorer-charts': '' });
    const run = el('button', { type: 'submit', 'data-action': 'run' }, 'Run');
    const reset = el('button', { type: 'button', 'data-action': 'reset' }, 'Back to the starting values');
    this.form = el(
      'form',
      { class: 'ex-form', novalidate: '' },
      ...(this.select ? [el('div', { class: 'ex-field' }, el('label', { for: `${this.prefix}-scenario` }, 'Scenario'), this.select)] : []),
      this.fields,
      el('div', { class: 'ex-field' }, el('label', { for: `${this.prefix}-seeds` }, 'Seeds (runs, one after the other)'), this.seedsInput, el('span', { class: 'ex-error', 'data-error-for': 'seeds', role: 'alert' }), el('small', {}, 'a whole number from 1 to 100; the table shows the median and the 5-95% interval over the seeds')),
      el('div', { class: 'ex-actions' }, run, reset, this.progress, this.status),
      this.general,
    );
    root.append(
      this.form,
      el('p', { class: 'ex-cli' }, 'Reproduce with the CLI (one run, the first seed; same numbers as this page with 1 seed): ', el('br'), this.cli),
      el('p', { class: 'ex-cli' }, 'Every seed, as a report: ', el('br'), this.cliReport),
      ...(spec.linkable ? [el('p', {}, this.link, ' (copy it to share: whoever opens it sees these inputs and, after the run, the same numbers)')] : []),
      this.table,
      this.charts,
    );
    this.form.addEventListener('submit', (e) => {
      e.preventDefault();
      this.run();
    });
    reset.addEventListener('click', () => {
      this.fill(this.scenario.inputs.map((i) => [i.path, i.value]), String(this.spec.seeds));
      this.changed();
    });
    this.form.addEventListener('input', () => this.changed());
    this.select?.addEventListener('change', () => {
      this.scenarioIndex = Number(this.select!.value);
      this.buildFields();
      this.changed();
    });
    if (spec.linkable) {
      window.addEventListener('hashchange', () => {
        if (this.applyFragment()) this.run();
      });
    }
    this.buildFields();
    const fromLink = spec.linkable && this.applyFragment();
    this.changed();
    if (fromLink || spec.runOnOpen) this.run();
  }

  private get scenario(): ExplorerScenario {
    return this.spec.scenarios[this.scenarioIndex];
  }

  private buildFields(): void {
    this.fields.replaceChildren(...this.scenario.inputs.map((i, k) => this.field(i, k)));
    this.clearErrors();
  }

  private field(spec: InputSpec, k: number): HTMLElement {
    const id = `${this.prefix}-input-${k}`;
    const input = el('input', { type: 'text', id, 'data-param': spec.path, value: spec.value, spellcheck: 'false', title: spec.doc });
    const facts = [spec.unit ? `unit: ${spec.unit}` : '', `allowed: ${spec.range}`, spec.defaultValue !== undefined ? `default ${spec.defaultValue}` : '', spec.source ? `source: ${spec.source}` : ''].filter(Boolean);
    return el(
      'div',
      { class: 'ex-field' },
      el('label', { for: id }, spec.label, spec.unit ? el('span', { class: 'ex-unit' }, ` (${spec.unit})`) : ''),
      input,
      el('span', { class: 'ex-error', 'data-error-for': spec.path, role: 'alert' }),
      el('small', {}, el('code', {}, spec.path), ` ${spec.doc} `, facts.join('; ')),
    );
  }

  private inputs(): HTMLInputElement[] {
    return Array.from(this.fields.querySelectorAll<HTMLInputElement>('input[data-param]'));
  }

  /** Inputs whose text differs from the scenario's value: the reader's overrides, in order. */
  private overrides(): Array<{ path: string; text: string }> {
    const initial = new Map(this.scenario.inputs.map((i) => [i.path, i.value]));
    return this.inputs()
      .map((input) => ({ path: input.dataset.param!, text: input.value.trim() }))
      .filter((o) => o.text !== initial.get(o.path));
  }

  /**
   * The report's overrides, then the reader's, as `--set` values; less the master seed (the CLI's
   * `--seed`), and less a report's override of a path the reader sets again (it would be replaced).
   */
  private sets(): string[] {
    const own = this.overrides().filter((o) => o.path !== SEED_PATH);
    const paths = new Set(own.map((o) => o.path));
    return [...this.scenario.set.filter((x) => !paths.has(x.slice(0, x.indexOf('=')).trim())), ...own.map((o) => `${o.path}=${o.text}`)];
  }

  /** The master seed's text (the report's unless the reader changed it). */
  private masterSeed(): string {
    const input = this.inputs().find((i) => i.dataset.param === SEED_PATH);
    return input ? input.value.trim() : '';
  }

  private request(): ExploreRequest {
    const s = this.scenario;
    const seed = this.masterSeed();
    return {
      input: s.input,
      // The master seed always goes in: the report's may differ from the scenario's own.
      set: [...this.sets(), ...(seed ? [`${SEED_PATH}=${seed}`] : [])],
      days: s.days,
      seeds: Number(this.seedsInput.value.trim() || NaN),
      label: s.label,
    };
  }

  private fill(values: Array<[string, string]>, seeds: string): void {
    const byPath = new Map(this.inputs().map((i) => [i.dataset.param!, i]));
    for (const [path, text] of values) {
      const input = byPath.get(path);
      if (input) input.value = text;
    }
    this.seedsInput.value = seeds;
  }

  /** Sets the inputs from the URL fragment; true when it held a state. */
  private applyFragment(): boolean {
    const params = new URLSearchParams(location.hash.replace(/^#/, ''));
    if (![...params.keys()].length) return false;
    const index = Number(params.get(SCENARIO_KEY) ?? 0);
    if (Number.isInteger(index) && index >= 0 && index < this.spec.scenarios.length && index !== this.scenarioIndex) {
      this.scenarioIndex = index;
      if (this.select) this.select.value = String(index);
      this.buildFields();
    }
    const values: Array<[string, string]> = this.scenario.inputs.map((i) => [i.path, params.get(i.path) ?? i.value]);
    this.fill(values, params.get(SEEDS_KEY) ?? String(this.spec.seeds));
    const known = new Set([SCENARIO_KEY, SEEDS_KEY, ...this.scenario.inputs.map((i) => i.path)]);
    const unknown = [...params.keys()].filter((k) => !known.has(k));
    if (unknown.length) this.general.textContent = `The link sets ${unknown.join(', ')}, which this page does not offer: ignored.`;
    return true;
  }

  private fragment(): string {
    const params = new URLSearchParams();
    if (this.scenarioIndex > 0) params.set(SCENARIO_KEY, String(this.scenarioIndex));
    params.set(SEEDS_KEY, this.seedsInput.value.trim());
    for (const o of this.overrides()) params.set(o.path, o.text);
    return `#${params.toString()}`;
  }

  private changed(): void {
    this.link.href = this.fragment();
    window.clearTimeout(this.validateTimer);
    this.validateTimer = window.setTimeout(() => {
      this.validateId = this.post('validate');
    }, VALIDATE_DELAY_MS);
  }

  private ensureWorker(): Worker {
    if (!this.worker) {
      this.worker = new Worker(this.workerUrl);
      this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
      this.worker.onerror = (e) => this.fail(`the model could not run in this browser: ${e.message}`);
    }
    return this.worker;
  }

  private post(kind: ToWorker['kind']): number {
    const id = ++this.seq;
    const message: ToWorker = { id, kind, request: this.request() };
    this.ensureWorker().postMessage(message);
    return id;
  }

  run(): void {
    window.clearTimeout(this.validateTimer);
    // A run still going is for inputs the reader has left: end it.
    if (this.runId && this.worker) {
      this.worker.terminate();
      this.worker = null;
    }
    this.runId = this.post('run');
    this.validateId = this.runId;
    this.progress.value = 0;
    this.status.textContent = 'Checking the inputs...';
    this.status.removeAttribute('data-total-ms');
  }

  private receive(m: FromWorker): void {
    if (m.id !== this.runId && m.id !== this.validateId) return;
    switch (m.kind) {
      case 'invalid':
        this.showInvalid(m.invalid);
        if (m.id === this.runId) {
          this.runId = 0;
          this.status.textContent = 'Not run: fix the value marked above.';
        }
        return;
      case 'valid':
        this.clearErrors();
        this.seeds = m.seeds;
        this.showCli();
        return;
      case 'progress':
        this.clearErrors();
        this.progress.value = m.done / m.total;
        this.status.textContent = `Seed ${m.done} of ${m.total} done (${(m.ms / 1000).toFixed(2)} s)`;
        return;
      case 'result':
        this.runId = 0;
        this.seeds = m.result.seeds;
        this.showResult(m.result, m.totalMs);
        return;
      case 'error':
        this.runId = 0;
        this.fail(m.message);
        return;
    }
  }

  private fail(message: string): void {
    this.general.textContent = `Error: ${message}`;
    this.status.textContent = 'Not run.';
  }

  private clearErrors(): void {
    for (const e of this.form.querySelectorAll('[data-error-for]')) e.textContent = '';
    for (const i of this.form.querySelectorAll('input')) i.removeAttribute('aria-invalid');
    this.general.textContent = '';
  }

  private showInvalid(invalid: ExploreInvalid): void {
    this.clearErrors();
    const target = invalid.field ? Array.from(this.form.querySelectorAll<HTMLElement>('[data-error-for]')).find((e) => e.dataset.errorFor === invalid.field) : undefined;
    (target ?? this.general).textContent = invalid.message;
    const input = invalid.field === 'seeds' ? this.seedsInput : this.inputs().find((i) => i.dataset.param === invalid.field);
    input?.setAttribute('aria-invalid', 'true');
    this.cli.textContent = 'not available: an input is invalid';
    this.cliReport.textContent = this.cli.textContent;
  }

  /** The commands giving the current inputs' numbers: one run (the first seed), and every seed as a report. */
  private showCli(): void {
    if (!this.seeds) return;
    const s = this.scenario;
    const master = this.masterSeed();
    const sets = this.sets().flatMap((x) => ['--set', x]);
    const days = s.days !== undefined ? ['--days', String(s.days)] : [];
    const quote = (words: string[]) => words.map(shellQuote).join(' ');
    this.cli.textContent = quote(['npx', 'prover-sim', 'run', s.ref, '--seed', String(this.seeds[0]), ...days, ...sets]);
    this.cliReport.textContent = quote(['npx', 'prover-sim', 'report', s.ref, '--seeds', String(this.seeds.length), ...(master ? ['--seed', master] : []), ...days, ...sets]);
  }

  private showResult(result: ExploreResult, totalMs: number): void {
    this.runs += 1;
    this.clearErrors();
    this.showCli();
    if (this.spec.linkable) history.replaceState(null, '', this.fragment());
    this.link.href = this.fragment();
    const simulated = result.simulateMs.reduce((a, b) => a + b, 0);
    const n = result.seeds.length;
    this.progress.value = 1;
    this.status.textContent = `Ran ${n} seed${n > 1 ? 's' : ''} in ${(totalMs / 1000).toFixed(2)} s (simulation ${(simulated / 1000).toFixed(2)} s, ${(simulated / n / 1000).toFixed(2)} s per seed).`;
    this.status.dataset.totalMs = totalMs.toFixed(1);
    this.status.dataset.simulateMs = result.simulateMs.map((x) => x.toFixed(1)).join(' ');
    this.status.dataset.run = String(this.runs);
    this.showTable(result);
    this.showCharts(result);
  }

  private showTable(result: ExploreResult): void {
    const report = this.scenario.reportMedians;
    const head = el('tr', {}, el('th', {}, 'metric'), el('th', {}, result.seeds.length > 1 ? 'median' : 'value'), el('th', {}, '5-95% over seeds'), ...(report ? [el('th', {}, 'in the report (median)')] : []));
    const cell = (x: number, kind: QuantityKind) => formatQuantity(x, kind);
    const rows = result.metrics.map((m) =>
      el(
        'tr',
        {},
        el('td', {}, m.label),
        el('td', { class: 'num', 'data-metric': m.key, 'data-value': JSON.stringify(m.median) }, cell(m.median, m.kind)),
        el('td', { class: 'num' }, result.seeds.length > 1 ? `${cell(m.p5, m.kind)} to ${cell(m.p95, m.kind)}` : 'one seed'),
        ...(report ? [el('td', { class: 'num' }, report[m.key] === undefined ? 'n/a' : cell(report[m.key], m.kind))] : []),
      ),
    );
    this.table.replaceChildren(el('table', {}, el('thead', {}, head), el('tbody', {}, ...rows)));
  }

  private showCharts(result: ExploreResult): void {
    const plotly = (window as unknown as { Plotly?: PlotlyApi }).Plotly;
    if (!plotly) {
      this.charts.replaceChildren(el('p', { class: 'ex-error' }, 'The charts need plotly.js, which is not on this page.'));
      return;
    }
    const ids = new Set(result.charts.map((c) => `${this.prefix}-chart-${c.id}`));
    for (const old of Array.from(this.charts.querySelectorAll('figure'))) if (!ids.has(old.dataset.chart ?? '')) old.remove();
    for (const chart of result.charts) {
      const id = `${this.prefix}-chart-${chart.id}`;
      let div = this.charts.querySelector<HTMLElement>(`[id="${id}"]`);
      if (!div) {
        div = el('div', { id, class: FIGURE_CLASS });
        const caption = chart.caption.map((c) => (typeof c === 'string' ? c : 'code' in c ? c.code : 'strong' in c ? c.strong : c.link)).join('');
        this.charts.append(el('figure', { 'data-chart': id }, el('h4', {}, chart.title), div, el('figcaption', {}, caption)));
      }
      const target = div;
      void plotly.react(target, chart.figure.data, chart.figure.layout, chart.figure.config ?? {}).then(() => {
        target.dataset.run = String(this.runs);
      });
    }
  }
}

/** The worker's source as a script Blob, unpacked when the page holds it gzipped (see panel.ts). */
async function workerBlob(element: HTMLElement): Promise<Blob> {
  const text = element.textContent ?? '';
  if (element.dataset.encoding !== WORKER_ENCODING) return new Blob([text], { type: 'text/javascript' });
  const bytes = Uint8Array.from(atob(text.trim()), (c) => c.charCodeAt(0));
  const source = await new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).blob();
  return new Blob([source], { type: 'text/javascript' });
}

/** Starts one panel from its section's data blocks. */
async function startPanel(section: HTMLElement, n: number): Promise<void> {
  const root = section.querySelector<HTMLElement>(`[${ROOT_ATTRIBUTE}]`);
  const specText = section.querySelector(`script[${SPEC_ATTRIBUTE}]`)?.textContent;
  const worker = section.querySelector<HTMLElement>(`script[${WORKER_ATTRIBUTE}]`);
  if (!root || !specText || !worker) return;
  if (typeof Worker === 'undefined' || typeof DecompressionStream === 'undefined') {
    root.textContent = 'This browser cannot run the model here (it lacks Web Workers or DecompressionStream): use a current Chrome, Edge, Firefox or Safari.';
    return;
  }
  new Explorer(root, JSON.parse(specText) as ExplorerSpec, await workerBlob(worker), n);
}

/**
 * Starts every panel of the page not yet started. Notebook front ends may run this script before
 * its output is attached to the page, or run it again with a later output: it looks again for a
 * few seconds until it finds its panel.
 */
function startAll(tries = 0): void {
  const sections = Array.from(document.querySelectorAll<HTMLElement>(`.${SECTION_CLASS}`));
  const waiting = sections.filter((s) => !s.hasAttribute('data-started'));
  for (const section of waiting) {
    section.setAttribute('data-started', '');
    void startPanel(section, sections.indexOf(section));
  }
  if (waiting.length === 0 && tries < 100) window.setTimeout(() => startAll(tries + 1), 100);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => startAll());
else startAll();
