// A workflow machine drawn from GET /workflows as an SVG: states as labelled boxes, transitions as
// arrows labelled with their event, the record's current state marked by a thick border and the
// words "current state" (never by colour alone); a list of the transitions in words under it.
// workflowDiagram(machine, currentState) answers a <figure>: the SVG (role="img", <title>,
// <desc>) in a wrapper that scrolls sideways on a phone, then the text alternative.

import { h, svg, uid } from '../dom.js';
import { has, label, t } from '../i18n.js';
import { eventLabel } from './actions.js';
import { GEOMETRY as G, curvePoints, layout } from './diagram_layout.js';
import { workflows } from './workflows.js';

// The name of a state of `machine` as state badges show it.
export function stateName(machine, state) {
  const key = `state.${machine}.${state}`;
  return has(key) ? t(key) : label('state', state);
}

// The name of a machine ("Proposal").
export function machineName(machine) {
  return has(`fund.machine.${machine}`) ? t(`fund.machine.${machine}`) : label('entity', machine);
}

// Words of `text` in lines of at most `max` characters (a longer word gets a line of its own).
function wrap(text, max) {
  const lines = [];
  for (const word of String(text).split(/\s+/)) {
    const last = lines.length - 1;
    if (last >= 0 && (lines[last] + ' ' + word).length <= max) lines[last] += ` ${word}`;
    else lines.push(word);
  }
  return lines;
}

const CHARS_PER_LINE = 20;
const labelWidth = (text) => String(text).length * G.charW + 6;

// "M x,y L ... " through `points`, corners rounded.
function rounded(points, r = 6) {
  let d = `M${points[0][0]},${points[0][1]}`;
  for (let i = 1; i < points.length - 1; i += 1) {
    const [x0, y0] = points[i - 1]; const [x1, y1] = points[i]; const [x2, y2] = points[i + 1];
    const d1 = Math.hypot(x1 - x0, y1 - y0); const d2 = Math.hypot(x2 - x1, y2 - y1);
    const rr = Math.min(r, d1 / 2, d2 / 2);
    if (rr <= 0) { d += ` L${x1},${y1}`; continue; }
    d += ` L${x1 + ((x0 - x1) * rr) / d1},${y1 + ((y0 - y1) * rr) / d1} Q${x1},${y1} ${x1 + ((x2 - x1) * rr) / d2},${y1 + ((y2 - y1) * rr) / d2}`;
  }
  const [xl, yl] = points[points.length - 1];
  return `${d} L${xl},${yl}`;
}

function edgeLabel(text, x, y, anchor = 'middle') {
  return svg('text', { class: 'wf-edge-label', x, y, 'text-anchor': anchor }, text);
}

function nodeBox(machine, n, lines, current) {
  const cx = n.x + n.w / 2;
  const all = current ? [...lines.map((text) => ({ text })), { text: `▶ ${t('fund.diagram.current')}`, marker: true }] : lines.map((text) => ({ text }));
  const first = n.y + (n.h - all.length * G.lineH) / 2 + G.lineH * 0.75;
  return svg('g', { class: ['wf-node', current && 'current'], dataset: { state: n.state } },
    svg('rect', { x: n.x, y: n.y, width: n.w, height: n.h, rx: 7, ry: 7 }),
    svg('text', { x: cx, y: first, 'text-anchor': 'middle' },
      all.map((line, i) => svg('tspan', { x: cx, dy: i === 0 ? 0 : G.lineH, class: line.marker ? 'wf-marker' : undefined }, line.text))));
}

function drawSvg(machine, current, ids) {
  const name = machine.name;
  const lines = new Map(machine.states.map((s) => [s, wrap(stateName(name, s), CHARS_PER_LINE)]));
  const size = (s) => ({ h: 14 + G.lineH * (lines.get(s).length + (s === current ? 1 : 0)) });
  const L = layout(machine, size, (ev) => eventLabel(name, ev), labelWidth);
  const marker = uid('wf-arrow');
  const edges = []; const labels = [];
  for (const c of L.curves) {
    const p = curvePoints(c);
    edges.push(svg('path', { class: ['wf-edge', c.from === current && 'next'], d: `M${p[0]} C${p[1]} ${p[2]} ${p[3]}`, 'marker-end': `url(#${marker})` }));
    labels.push(edgeLabel(c.label, c.labelAt[0], c.labelAt[1] + 4));
  }
  for (const l of L.lanes) {
    const [qx, qy] = l.in.ports.get(l.to);
    for (const s of l.sources) {
      const out = l.outs.find((o) => o.nodes.includes(s));
      const [px, py] = out.ports.get(s);
      const points = [[px, py], [px, out.y], [l.x, out.y], [l.x, l.in.y], [qx, l.in.y], [qx, qy]];
      edges.push(svg('path', { class: ['wf-edge', 'lane', l.dir === 'up' && 'back', s === current && 'next'], d: rounded(points), 'marker-end': `url(#${marker})` }));
    }
    labels.push(l.dir === 'down' ? edgeLabel(l.in.label, qx + 6, l.in.y - 5, 'start') : edgeLabel(l.in.label, qx - 6, l.in.y + 14, 'end'));
  }
  for (const tr of L.loops) {
    const n = L.nodes.get(tr.from);
    const x = n.x + n.w; const y = n.y + n.h / 2;
    edges.push(svg('path', { class: ['wf-edge', tr.from === current && 'next'], d: `M${x},${y - 9} C${x + 42},${y - 26} ${x + 42},${y + 26} ${x},${y + 9}`, 'marker-end': `url(#${marker})` }));
    labels.push(edgeLabel(eventLabel(name, tr.event), x + 38, y + 4, 'start'));
  }
  const boxes = [...L.nodes.values()].map((n) => nodeBox(name, n, lines.get(n.state), n.state === current));
  const focus = L.nodes.get(current ?? machine.states[0]);
  ids.focusX = focus.x + focus.w / 2 - Math.floor(L.minX);
  return svg('svg', {
    class: 'wf-svg', role: 'img', width: Math.ceil(L.width), height: Math.ceil(L.height),
    viewBox: `${Math.floor(L.minX)} 0 ${Math.ceil(L.width)} ${Math.ceil(L.height)}`,
    'aria-labelledby': ids.title, 'aria-describedby': ids.desc, dataset: { machine: name },
  },
  svg('title', { id: ids.title }, ids.titleText),
  svg('desc', { id: ids.desc }, ids.descText),
  svg('defs', {}, svg('marker', { id: marker, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 10, markerHeight: 10, markerUnits: 'userSpaceOnUse', orient: 'auto-start-reverse', class: 'wf-arrowhead' },
    svg('path', { d: 'M0,0 L10,5 L0,10 z' }))),
  svg('g', { class: 'wf-edges' }, edges), svg('g', { class: 'wf-nodes' }, boxes), svg('g', { class: 'wf-labels' }, labels));
}

// The transitions in words: "Submitted — Start screening → Screening".
function textAlternative(machine, current) {
  const name = machine.name;
  const items = machine.transitions.map((tr) => h('li', { dataset: { from: tr.from, event: tr.event, to: tr.to } },
    t('fund.diagram.text_item', { from: stateName(name, tr.from), event: eventLabel(name, tr.event), to: stateName(name, tr.to) })));
  return h('details', { class: 'wf-text' },
    h('summary', { text: t('fund.diagram.text_summary', { count: machine.transitions.length }) }),
    h('p', { text: t('fund.diagram.text_states', { states: machine.states.map((s) => stateName(name, s)).join(', ') }) }),
    current ? h('p', { class: 'wf-text-current', text: t('fund.diagram.current_is', { state: stateName(name, current) }) }) : null,
    h('ul', {}, items));
}

// Once `scroller` is on the page, scrolls it sideways so that x (the current state, else the
// first) is in the middle: on a phone the diagram opens where its story is.
function centreWhenShown(scroller, x) {
  let frames = 0;
  const step = () => {
    if (scroller.isConnected) { scroller.scrollLeft = Math.max(0, x - scroller.clientWidth / 2); return; }
    frames += 1;
    if (frames < 120) requestAnimationFrame(step);
  };
  requestAnimationFrame(step);
}

// The figure for one machine as loaded from /workflows ({name, states, transitions}).
export function drawDiagram(machine, currentState) {
  const current = machine.states.includes(currentState) ? currentState : undefined;
  const mname = machineName(machine.name);
  const ids = {
    title: uid('wf-title'), desc: uid('wf-desc'),
    titleText: t('fund.diagram.title', { machine: mname }),
    descText: [t('fund.diagram.desc', { states: machine.states.length, transitions: machine.transitions.length }),
      current ? t('fund.diagram.current_is', { state: stateName(machine.name, current) }) : ''].join(' ').trim(),
  };
  const scroller = h('div', { class: 'diagram-scroll', tabindex: '0', role: 'region', 'aria-label': ids.titleText }, drawSvg(machine, current, ids));
  centreWhenShown(scroller, ids.focusX);
  return h('figure', { class: 'wf-diagram', dataset: { machine: machine.name, current } }, scroller, textAlternative(machine, current));
}

// The diagram of `machineName` (a name from GET /workflows), `currentState` marked when given.
export async function workflowDiagram(machineName_, currentState) {
  const machine = (await workflows())[machineName_];
  if (!machine) return h('p', { class: 'notice warn', text: t('fund.diagram.unknown', { machine: machineName_ }) });
  return drawDiagram(machine, currentState);
}
