// #/workflows: every workflow machine the server enforces, each as a diagram with its table of
// transitions (from, event, to, who, guards, needs). ?machine=proposal&state=screening marks
// that state on that machine's diagram and brings it into view.

import { h } from '../../dom.js';
import { has, label, t } from '../../i18n.js';
import { eventLabel } from '../../components/actions.js';
import { drawDiagram, machineName } from '../../components/diagram.js';
import { pageHeader, stateBadge, table } from '../../components/ui.js';
import { workflows } from '../../components/workflows.js';

const sectionId = (machine) => `wf-${machine}`;

function words(prefix, values) {
  if (!values?.length) return '—';
  return h('ul', { class: 'plain-list' }, values.map((v) => h('li', { dataset: { value: v }, text: has(`${prefix}.${v}`) ? t(`${prefix}.${v}`) : label(prefix, v) })));
}

function transitionTable(machine) {
  const name = machine.name;
  return table(t('fund.workflows.table_caption', { machine: machineName(name) }), [
    { label: t('fund.workflows.col_from'), cell: (tr) => stateBadge(name, tr.from) },
    { label: t('fund.workflows.col_event'), cell: (tr) => eventLabel(name, tr.event) },
    { label: t('fund.workflows.col_to'), cell: (tr) => stateBadge(name, tr.to) },
    { label: t('fund.workflows.col_who'), cell: (tr) => tr.roles.map((r) => label('role', r)).join(', ') },
    { label: t('fund.workflows.col_guards'), cell: (tr) => words('fund.guard', tr.guards) },
    { label: t('fund.workflows.col_needs'), cell: (tr) => words('fund.need', tr.needs) },
  ], machine.transitions);
}

// Scrolls to a machine's section and puts the keyboard focus on its heading.
function reveal(machine) {
  const heading = document.getElementById(`${sectionId(machine)}-h`);
  if (!heading) return;
  heading.focus({ preventScroll: true });
  heading.scrollIntoView({ block: 'start' });
}

export async function workflowsView(ctx) {
  ctx.setTitle(t('fund.workflows.title'));
  const machines = Object.values(await workflows());
  const focus = machines.some((m) => m.name === ctx.query.machine) ? ctx.query.machine : undefined;
  const toc = h('nav', { class: 'wf-toc', 'aria-label': t('fund.workflows.toc') },
    h('ul', {}, machines.map((m) => h('li', {}, h('a', {
      href: `#/workflows?machine=${encodeURIComponent(m.name)}`,
      on: { click: (e) => { e.preventDefault(); window.history.replaceState(null, '', `#/workflows?machine=${encodeURIComponent(m.name)}`); reveal(m.name); } },
    }, machineName(m.name))))));
  const sections = machines.map((m) => h('section', { class: 'panel wf-machine', id: sectionId(m.name), 'aria-labelledby': `${sectionId(m.name)}-h`, dataset: { machine: m.name } },
    h('h2', { id: `${sectionId(m.name)}-h`, tabindex: '-1', text: machineName(m.name) }),
    h('p', { class: 'lead', text: t('fund.workflows.summary', { states: m.states.length, transitions: m.transitions.length }) }),
    drawDiagram(m, m.name === focus ? ctx.query.state : undefined),
    transitionTable(m)));
  if (focus) setTimeout(() => reveal(focus), 0);
  return h('section', { class: 'page fund-workflows' },
    pageHeader(t('fund.workflows.title')),
    h('p', { class: 'lead', text: t('fund.workflows.intro') }),
    toc, sections);
}
