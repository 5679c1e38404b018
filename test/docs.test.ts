import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parameterReference } from '../src/docs/parameters';
import { allFigures } from '../src/model';

describe('documentation', () => {
  it('the README parameter reference matches the schema (run npm run docs:params)', () => {
    const readme = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf8');
    assert.ok(readme.includes(parameterReference()), 'README.md parameter reference is out of date: run npm run docs:params');
  });

  it('every parameter has a meaning, and every default number a source or an assumption', () => {
    const rows = parameterReference().trim().split('\n').slice(2);
    for (const row of rows) {
      const [, name, , , def, meaning, source] = row.split(/(?<!\\)\|/).map((c) => c.trim());
      if (name.endsWith('.<id>`') || name === '`sources.<id>`') continue;
      assert.ok(meaning.length > 0, `${name} has no meaning`);
      if (/^-?\d/.test(def) && def !== '0') assert.ok(source.length > 0, `${name} (default ${def}) has no source`);
    }
  });

  it('every calibration figure carries a source and date, or is marked as an assumption', () => {
    const figures = allFigures();
    assert.ok(figures.length >= 20);
    for (const { path: p, figure } of figures) {
      assert.ok(figure.unit, `${p} has no unit`);
      assert.ok(figure.assumption || (figure.source && figure.date), `${p} has neither source+date nor assumption`);
    }
  });
});
