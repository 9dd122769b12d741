// The message catalogs: every language has exactly the English keys of each area with the same
// {parameters}, every literal t('key') in the console exists, and no text is left English-only by
// accident in the three other languages (a few words are the same in both, listed per language).

import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = path.resolve(import.meta.dirname ?? path.dirname(new URL(import.meta.url).pathname), '../../web/console');
const areas = readdirSync(path.join(root, 'i18n/en')).filter((f) => f.endsWith('.json'));
const load = (lang, area) => JSON.parse(readFileSync(path.join(root, 'i18n', lang, area), 'utf8'));
const params = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function jsFiles(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? jsFiles(p) : p.endsWith('.js') ? [p] : [];
  });
}

test('every language has the English keys of every area, with the same parameters', () => {
  for (const area of areas) {
    const en = load('en', area);
    for (const lang of ['fr', 'es', 'pt']) {
      const other = load(lang, area);
      assert.deepEqual(Object.keys(other).sort(), Object.keys(en).sort(), `${lang}/${area} keys`);
      for (const [key, text] of Object.entries(en)) {
        assert.deepEqual(params(other[key]), params(text), `${lang}/${area} ${key} parameters`);
      }
    }
  }
});

test('no key is defined by two areas', () => {
  const owner = new Map();
  for (const area of areas) {
    for (const key of Object.keys(load('en', area))) {
      assert.ok(!owner.has(key), `${key} is in both ${owner.get(key)} and ${area}`);
      owner.set(key, area);
    }
  }
});

test('every literal message key used by the console exists in English', () => {
  const all = Object.assign({}, ...areas.map((a) => load('en', a)));
  const missing = [];
  for (const file of jsFiles(path.join(root, 'js'))) {
    const source = readFileSync(file, 'utf8');
    for (const m of source.matchAll(/\bt\(\s*'([a-z0-9_.-]+)'/gi)) {
      if (!(m[1] in all)) missing.push(`${path.relative(root, file)}: ${m[1]}`);
    }
  }
  assert.deepEqual(missing, []);
});

test('the other languages are translated, not English copies', () => {
  for (const lang of ['fr', 'es', 'pt']) {
    let same = 0;
    let total = 0;
    for (const area of areas) {
      const en = load('en', area);
      const other = load(lang, area);
      for (const [key, text] of Object.entries(en)) {
        total += 1;
        if (other[key] === text && /[a-z]{4,}\s+[a-z]{3,}/i.test(text)) same += 1;  // a phrase left in English
      }
    }
    assert.ok(same / total < 0.02, `${lang}: ${same} of ${total} phrases are identical to English`);
  }
});
