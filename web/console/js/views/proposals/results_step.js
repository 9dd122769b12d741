// The results framework of a full proposal: for each indicator the call chose (required ones
// marked in words), a baseline and a target per reporting period, and for an indicator with
// dimensions the breakdown grid with its live totals. Read into the "indicators" member of the
// proposal's PUT; each control is named after its place in the request when it is read, so the
// server's field errors ("indicators[0].targets[1].breakdown.sex") land next to it.

import { h, uid } from '../../dom.js';
import { t } from '../../i18n.js';
import { breakdownGrid } from '../../components/breakdown_grid.js';
import { dimensionsOf, indicatorDefinition, indicatorName } from '../../components/indicators.js';
import { valueControl } from '../../components/measure.js';

const P = 'proposals.results';

// "Period 1 · until the mid-term progress report" for period `n` of `periods`.
export function periodLabel(n, periods) {
  const when = periods <= 1 ? 'whole' : n < periods ? 'progress' : 'final';
  return t('proposals.results.period', { n, when: t(`proposals.results.period_when.${when}`) });
}

// What the indicator counts and how its periods add up, in words.
export function unitHint(indicator, currency) {
  const unit = t(`proposals.results.unit.${indicator.unit}`, { currency });
  return t('proposals.results.unit_hint', { unit, aggregation: t(`proposals.results.aggregation.${indicator.aggregation}`) });
}

// A labelled value control in a .field wrapper.
// `context` is said before the label to screen readers only ("People reached, period 1: Target").
function valueField({ label, context, indicator, currency, value, hint, className }) {
  const id = uid('v');
  const hintId = hint ? `${id}-hint` : undefined;
  const control = valueControl({ unit: indicator.unit, currency, value, prefix: P, attrs: { id, 'aria-describedby': hintId } });
  const node = h('div', { class: ['field', className] },
    h('label', { for: id }, context ? h('span', { class: 'visually-hidden', text: `${context}: ` }) : null, label),
    hint ? h('p', { class: 'hint', id: hintId, text: hint }) : null, control);
  return { node, control };
}

function periodBlock(indicator, catalog, target, n, periods, currency) {
  const name = indicatorName(indicator);
  const context = t('proposals.results.target_context', { name, period: n });
  const total = valueField({ label: t('proposals.results.target'), context, indicator, currency, value: target?.total, className: 'target-total',
    hint: indicator.unit === 'percentage' ? t('proposals.results.percentage_hint') : undefined });
  const dimensions = dimensionsOf(indicator, catalog);
  const grid = dimensions.length ? breakdownGrid({
    dimensions, cells: target?.breakdown, context, prefix: P,
    totalOf: () => { const r = total.control.readValue(); return r.error ? Number.NaN : r.value; },
  }) : null;
  if (grid) total.control.addEventListener('input', grid.refresh);
  const node = h('fieldset', { class: 'results-period', dataset: { period: n } },
    h('legend', { text: periodLabel(n, periods) }), total.node,
    grid ? [h('p', { class: 'hint', text: t('proposals.results.breakdown_hint') }), grid.node] : null);
  return { node, total: total.control, grid };
}

function indicatorBlock(chosen, plan, catalog, periods, currency) {
  const indicator = catalog.byCode.get(chosen.code) ?? { code: chosen.code, unit: 'people', aggregation: 'sum', dimensions: [], names: {} };
  const legendId = uid('ind');
  const errors = h('div', { class: 'field indicator-errors', tabindex: '-1', dataset: { field: `indicators.${chosen.code}` } });
  const baseline = valueField({ label: t('proposals.results.baseline'), context: indicatorName(indicator), indicator, currency, value: plan?.baseline,
    className: 'baseline', hint: t('proposals.results.baseline_hint') });
  const blocks = Array.from({ length: periods }, (_, p) => periodBlock(indicator, catalog, plan?.targets?.[p], p + 1, periods, currency));
  const node = h('fieldset', { class: ['results-indicator', chosen.required ? 'required-indicator' : null], dataset: { indicator: chosen.code }, 'aria-describedby': `${legendId}-about` },
    h('legend', { id: legendId }, indicatorName(indicator),
      chosen.required ? h('span', { class: 'required-tag', text: t('proposals.results.required') }) : h('span', { class: 'optional-tag', text: t('proposals.results.optional') })),
    h('p', { class: 'hint', id: `${legendId}-about` },
      indicatorDefinition(indicator), ' ', unitHint(indicator, currency)),
    errors, baseline.node, h('div', { class: 'results-periods' }, blocks.map((b) => b.node)));
  return { node, chosen, indicator, errors, baseline: baseline.control, blocks };
}

// Reads one indicator: null when nothing was typed in it, else {plan, errors} for index `i`.
function readIndicator(block, i) {
  const typed = (c) => String(c.value ?? '').trim() !== '';
  const periodTouched = block.blocks.map((b) => typed(b.total) || Boolean(b.grid?.touched()));
  if (!typed(block.baseline) && !periodTouched.some(Boolean)) {
    block.errors.dataset.field = `indicators.${block.chosen.code}`;
    for (const el of block.node.querySelectorAll('[data-field]')) if (el !== block.errors) delete el.dataset.field;
    return null;
  }
  const at = `indicators[${i}]`;
  block.errors.dataset.field = at;
  const errors = [];
  const plan = { indicator: block.chosen.code, targets: [] };
  block.baseline.dataset.field = `${at}.baseline`;
  const base = block.baseline.readValue();
  if (base.error) errors.push({ field: `${at}.baseline`, message: base.error });
  else if (base.value !== null) plan.baseline = base.value;
  const last = periodTouched.lastIndexOf(true);
  block.blocks.forEach((b, p) => {
    const field = `${at}.targets[${p}]`;
    b.total.dataset.field = `${field}.total`;
    if (p > last) {
      for (const el of b.node.querySelectorAll('[data-field]')) delete el.dataset.field;
      return;
    }
    const total = b.total.readValue();
    if (total.error) errors.push({ field: `${field}.total`, message: total.error });
    else if (total.value === null) errors.push({ field: `${field}.total`, message: t('proposals.results.error.target_needed') });
    const cells = b.grid ? b.grid.read(`${field}.breakdown`) : { breakdown: {}, errors: [] };
    errors.push(...cells.errors);
    plan.targets.push({ total: total.value ?? 0, breakdown: cells.breakdown });
  });
  return { plan, errors };
}

// The step for `call` (its indicators and periods) with the stated `plans` (the version's
// "indicators"). Answers {node, read(): {indicators, errors}}.
export function resultsStep({ plans, call, catalog, currency }) {
  const periods = call.periods ?? 1;
  const byCode = new Map((plans ?? []).map((p) => [p.indicator, p]));
  const blocks = (call.indicators ?? []).map((chosen) => indicatorBlock(chosen, byCode.get(chosen.code), catalog, periods, currency));
  const node = h('fieldset', { class: 'results-step' },
    h('legend', { text: t('proposals.results.title') }),
    h('p', { class: 'hint', text: t('proposals.results.intro', { periods }) }),
    blocks.length ? blocks.map((b) => b.node) : h('p', { class: 'empty', text: t('proposals.results.none_chosen') }));
  const read = () => {
    const indicators = [];
    const errors = [];
    for (const block of blocks) {
      const one = readIndicator(block, indicators.length);
      if (!one) continue;
      indicators.push(one.plan);
      errors.push(...one.errors);
    }
    return { indicators, errors };
  };
  return { node, read };
}

// `error` with its "indicators.<code>" field errors (a required indicator left out, named by
// its code in the server's sentence) said in the chosen language.
export function withFrameworkWords(error) {
  const fieldErrors = (error.fieldErrors ?? []).map((fe) => (/^indicators\.[a-z0-9_]+$/.test(fe.field)
    ? { ...fe, message: t('proposals.results.error.required_indicator') } : fe));
  return Object.create(error, { fieldErrors: { value: fieldErrors } });
}
