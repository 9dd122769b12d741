// Where the boxes and arrows of a workflow diagram go (no drawing here): states in rows by
// their longest distance from the first state, back edges found by shortest distance; arrows
// between neighbouring rows are curves, every other arrow (skipping rows or going back up)
// runs in a side lane — forward ones on the right, backward ones on the left — and arrows of
// one event into one state share a lane and one label.

export const GEOMETRY = { nodeW: 160, colGap: 56, margin: 16, laneStart: 26, laneGap: 22, charW: 6.7, lineH: 16 };

// Shortest distance of each state from the first one (a state it never reaches: from itself).
function distances(states, out) {
  const d = new Map();
  const walk = (start) => {
    d.set(start, 0);
    const queue = [start];
    while (queue.length) {
      const s = queue.shift();
      for (const tr of out.get(s) ?? []) if (!d.has(tr.to)) { d.set(tr.to, d.get(s) + 1); queue.push(tr.to); }
    }
  };
  for (const s of states) if (!d.has(s)) walk(s);
  return d;
}

// Rows: longest path over the forward transitions (into a final state, or one row further).
function rows(states, transitions, d, isSink) {
  const forward = transitions.filter((tr) => tr.from !== tr.to && (isSink(tr.to) || d.get(tr.to) > d.get(tr.from)));
  const row = new Map(states.map((s) => [s, 0]));
  for (let pass = 0; pass < states.length; pass += 1) {
    let changed = false;
    for (const tr of forward) if (row.get(tr.to) < row.get(tr.from) + 1) { row.set(tr.to, row.get(tr.from) + 1); changed = true; }
    if (!changed) break;
  }
  return row;
}

// States of each row, left to right: under the states their curves come from (one barycentre
// pass), pulled towards the side of their lanes (forward lanes right, backward lanes left).
function byRow(states, row, curves, side) {
  const count = Math.max(...row.values()) + 1;
  const lists = Array.from({ length: count }, () => []);
  for (const s of states) lists[row.get(s)].push(s);
  const pos = new Map();
  lists.forEach((list, r) => {
    const key = (s) => {
      const preds = curves.filter((c) => c.to === s).map((c) => pos.get(c.from)).filter((p) => p !== undefined);
      const base = preds.length ? preds.reduce((a, b) => a + b, 0) / preds.length : states.indexOf(s) / states.length - 0.5;
      return base + 0.75 * Math.sign(side(s));
    };
    const keyed = list.map((s) => [s, key(s), states.indexOf(s)]);
    keyed.sort((a, b) => a[1] - b[1] || a[2] - b[2]);
    keyed.forEach(([s], i) => pos.set(s, i - (keyed.length - 1) / 2));
    lists[r] = keyed.map(([s]) => s);
  });
  return lists;
}

// {nodes: Map state -> {x, y, w, h, row}, curves, lanes, loops, width, height}.
// size(state) -> {h} for each box; labelWidth(text) -> px.
export function layout(machine, size, labelOf, labelWidth) {
  const G = GEOMETRY;
  const { states, transitions } = machine;
  const out = new Map(states.map((s) => [s, transitions.filter((tr) => tr.from === s)]));
  const isSink = (s) => !(out.get(s) ?? []).some((tr) => tr.to !== s);
  const d = distances(states, out);
  const row = rows(states, transitions, d, isSink);

  // Arrows: merged by (from, to) between neighbouring rows, by (event, to, direction) in lanes.
  const curves = new Map();
  const lanes = new Map();
  const loops = [];
  for (const tr of transitions) {
    if (tr.from === tr.to) { loops.push(tr); continue; }
    const rf = row.get(tr.from); const rt = row.get(tr.to);
    if (rt === rf + 1) {
      const k = `${tr.from}>${tr.to}`;
      if (!curves.has(k)) curves.set(k, { from: tr.from, to: tr.to, events: [] });
      curves.get(k).events.push(tr.event);
    } else {
      const dir = rt > rf ? 'down' : 'up';
      const k = `${tr.event}>${tr.to}>${dir}`;
      if (!lanes.has(k)) lanes.set(k, { event: tr.event, to: tr.to, dir, sources: [] });
      lanes.get(k).sources.push(tr.from);
    }
  }
  // A curve whose (event, to) also runs in a lane joins it: one label for one event.
  for (const [k, c] of curves) {
    for (const ev of [...c.events]) {
      const lane = lanes.get(`${ev}>${c.to}>down`);
      if (lane) { lane.sources.push(c.from); c.events.splice(c.events.indexOf(ev), 1); }
    }
    if (!c.events.length) curves.delete(k);
  }
  const laneList = [...lanes.values()];
  const side = (s) => laneList.reduce((a, l) => a + ((l.to === s || l.sources.includes(s)) ? (l.dir === 'down' ? 1 : -1) : 0), 0);
  const lists = byRow(states, row, [...curves.values()], side);
  const widest = Math.max(...lists.map((l) => l.length));
  const span = (l) => Math.max(...l.sources.map((s) => Math.abs(row.get(s) - row.get(l.to))));
  const right = laneList.filter((l) => l.dir === 'down').sort((a, b) => span(a) - span(b));
  const left = laneList.filter((l) => l.dir === 'up').sort((a, b) => span(a) - span(b));

  // Horizontal x of the boxes.
  const leftRoom = left.length ? G.laneStart + (left.length - 1) * G.laneGap + 12 : 0;
  const nodesLeft = G.margin + leftRoom;
  const slot = G.nodeW + G.colGap;
  const nodesWidth = widest * slot - G.colGap;
  const nodes = new Map();
  lists.forEach((list, r) => list.forEach((s, i) => {
    const x = nodesLeft + (nodesWidth - (list.length * slot - G.colGap)) / 2 + i * slot;
    nodes.set(s, { state: s, row: r, x, w: G.nodeW, h: size(s).h, top: [], bottom: [] });
  }));
  const nodesRight = nodesLeft + nodesWidth;
  right.forEach((l, i) => { l.x = nodesRight + G.laneStart + i * G.laneGap; });
  left.forEach((l, i) => { l.x = nodesLeft - G.laneStart - i * G.laneGap; });

  // Tracks in the gaps: a lane leaves each source row and enters its target row on a track.
  // Gap r lies under row r; gap -1 above the first row (a lane between two states of one row
  // may need it, or the one under the last row).
  const gaps = Array.from({ length: lists.length + 1 }, () => ({ top: [], bottom: [], curves: [] }));
  const gapOf = (r) => gaps[r + 1];
  const track = (gap, band, t) => { gapOf(gap)[band].push(t); return t; };
  for (const l of laneList) {
    const fromRows = [...new Set(l.sources.map((s) => row.get(s)))];
    const rt = row.get(l.to);
    l.outs = fromRows.map((r) => ({ lane: l, kind: 'out', row: r, nodes: l.sources.filter((s) => row.get(s) === r) }));
    for (const t of l.outs) track(l.dir === 'down' ? t.row : t.row - 1, l.dir === 'down' ? 'top' : 'bottom', t);
    l.in = track(l.dir === 'down' ? rt - 1 : rt, l.dir === 'down' ? 'bottom' : 'top', { lane: l, kind: 'in', row: rt, nodes: [l.to], label: labelOf(l.event) });
  }
  for (const c of curves.values()) gapOf(row.get(c.from)).curves.push(c);

  // Vertical y: rows and gaps, each gap as tall as its tracks and labels need.
  const nodeXc = (s) => nodes.get(s).x + G.nodeW / 2;
  const sideRank = (t) => Math.max(...t.nodes.map(nodeXc)) * (t.lane.dir === 'down' ? 1 : -1);
  const step = (t) => (t.label ? 20 : 9);
  // Lays out the gap starting at y (its top band under the row above, its curves' labels in
  // the middle, its bottom band over the row below); answers where the next row starts.
  const layGap = (gap, y) => {
    // Nearest the row: the track of the box furthest towards its lane (fewest crossings).
    gap.top.sort((a, b) => sideRank(b) - sideRank(a));
    gap.bottom.sort((a, b) => sideRank(b) - sideRank(a));
    let ty = y + 10;
    for (const t of gap.top) { ty += t.label ? 2 : 0; t.y = ty; ty += step(t); }
    const middle = gap.curves.length ? 40 : 8;
    gap.mid = ty + middle / 2;
    let by = ty + middle + gap.bottom.reduce((a, t) => a + step(t) + (t.label ? 2 : 0), 0);
    const nextTop = by + 10;
    for (const t of gap.bottom) { t.y = by; by -= step(t) + (t.label ? 2 : 0); }
    return nextTop;
  };
  const used = (gap) => gap.top.length + gap.bottom.length + gap.curves.length > 0;
  let y = used(gapOf(-1)) ? layGap(gapOf(-1), G.margin) : G.margin;
  lists.forEach((list, r) => {
    const h = Math.max(...list.map((s) => nodes.get(s).h));
    for (const s of list) { const n = nodes.get(s); n.y = y + (h - n.h) / 2; }
    y += h;
    if (r < lists.length - 1 || used(gapOf(r))) y = layGap(gapOf(r), y);
  });
  const height = y + G.margin;

  // Ports: where each arrow meets a box, spread along its top or bottom edge.
  const attach = (s, side, item, key) => nodes.get(s)[side].push({ item, key });
  for (const c of curves.values()) {
    attach(c.from, 'bottom', { c, end: 'from' }, nodeXc(c.to));
    attach(c.to, 'top', { c, end: 'to' }, nodeXc(c.from));
  }
  for (const l of laneList) {
    const edge = (t) => (t.kind === 'out' ? (l.dir === 'down' ? 'bottom' : 'top') : (l.dir === 'down' ? 'top' : 'bottom'));
    for (const t of [...l.outs, l.in]) {
      const sideY = (s) => (edge(t) === 'bottom' ? nodes.get(s).y + nodes.get(s).h : nodes.get(s).y);
      for (const s of t.nodes) {
        const near = Math.abs(t.y - sideY(s));
        attach(s, edge(t), { t, s }, l.dir === 'down' ? 1e6 - near : -1e6 + near);
      }
    }
  }
  for (const n of nodes.values()) {
    for (const side of ['top', 'bottom']) {
      n[side].sort((a, b) => a.key - b.key);
      n[side].forEach(({ item }, i) => {
        const px = n.x + (n.w * (i + 1)) / (n[side].length + 1);
        const py = side === 'top' ? n.y : n.y + n.h;
        if (item.c) item.c[`${item.end}Port`] = [px, py];
        else (item.t.ports ??= new Map()).set(item.s, [px, py]);
      });
    }
  }

  // Curve labels in the middle of their gap, staggered when two would overlap.
  for (const gap of gaps) {
    const placed = [];
    const cs = [...gap.curves].sort((a, b) => (a.fromPort[0] + a.toPort[0]) - (b.fromPort[0] + b.toPort[0]));
    for (const c of cs) {
      c.label = c.events.map(labelOf).join(' · ');
      const w = labelWidth(c.label);
      let level = 0;
      for (; level < 3; level += 1) {
        const ly = gap.mid + (level === 0 ? -8 : level === 1 ? 10 : -26);
        const lx = xAt(c, ly);
        if (!placed.some((p) => p.level === level && Math.abs(p.x - lx) < (p.w + w) / 2 + 6)) { c.labelAt = [lx, ly]; break; }
      }
      if (!c.labelAt) { level = 0; c.labelAt = [xAt(c, gap.mid - 8), gap.mid - 8]; }
      placed.push({ level, x: c.labelAt[0], w });
    }
  }
  // Bounds: boxes, lanes and every label (the left lanes' labels may reach past x = 0).
  let minX = nodesLeft - G.margin; let maxX = nodesRight + G.margin;
  const widen = (a, b) => { minX = Math.min(minX, a - G.margin); maxX = Math.max(maxX, b + G.margin); };
  for (const l of laneList) {
    const [px] = l.in.ports.get(l.to);
    const w = labelWidth(l.in.label);
    widen(l.x, l.x);
    if (l.dir === 'down') widen(px, px + 6 + w); else widen(px - 6 - w, px);
  }
  for (const c of curves.values()) { const w = labelWidth(c.label) / 2 + 4; widen(c.labelAt[0] - w, c.labelAt[0] + w); }
  for (const tr of loops) { const n = nodes.get(tr.from); widen(n.x, n.x + n.w + 40 + labelWidth(labelOf(tr.event))); }
  return { nodes, curves: [...curves.values()], lanes: laneList, loops, minX, width: maxX - minX, height };
}

// The curve of `c` from its source port to its target port (cubic, vertical tangents).
export function curvePoints(c) {
  const [x0, y0] = c.fromPort; const [x3, y3] = c.toPort;
  const m = (y3 - y0) / 2;
  return [[x0, y0], [x0, y0 + m], [x3, y3 - m], [x3, y3]];
}

function xAt(c, y) {
  const p = curvePoints(c);
  let lo = 0; let hi = 1;
  const at = (t, i) => (1 - t) ** 3 * p[0][i] + 3 * (1 - t) ** 2 * t * p[1][i] + 3 * (1 - t) * t ** 2 * p[2][i] + t ** 3 * p[3][i];
  for (let k = 0; k < 30; k += 1) { const mid = (lo + hi) / 2; if (at(mid, 1) < y) lo = mid; else hi = mid; }
  return at((lo + hi) / 2, 0);
}
