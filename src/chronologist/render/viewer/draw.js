// Drawing the timeline on a <canvas>: axis, lanes, periods, events, clusters, focus.
//
// Work per frame depends on what is on screen, not on the size of the timeline: visible
// events are found by binary search over positions sorted in typed arrays, and events are
// gathered into pixel buckets (aligned to the time axis, so they do not jitter while
// panning); a bucket holding more events than the lane has rows for becomes one cluster.
import {
  F_APPROX,
  F_CONFLICT,
  F_OPEN_END,
  F_OPEN_START,
  F_ORDER,
  F_PERIOD,
  F_UNCERTAIN,
  F_UNKNOWN_END,
  F_UNKNOWN_START,
  lowerBound,
  upperBound,
} from './data.js';
import { makeTicks } from './time.js';

export const AXIS_H = 54;
export const MIN_LANE_H = 96;
const LANE_HEADER = 20;
const OVERFLOW_H = 14;
const PERIOD_ROW = 22;
const BAR_H = 14;
const EVENT_ROW = 26;
const R = 5;
const BUCKET_PX = 36; // wide enough for the largest cluster badge
const FADE_PX = 96;
const OPEN_PX = 120;
const LABEL_MAX = 220;
const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", sans-serif';
const FONT = `12px ${FONT_FAMILY}`;
const FONT_SMALL_BOLD = `600 11px ${FONT_FAMILY}`;
const FONT_BOLD = `600 12px ${FONT_FAMILY}`;

const PALETTE_NAMES = [
  'canvas-bg', 'lane-alt', 'grid', 'axis-bg', 'axis-text', 'axis-strong', 'border', 'text',
  'muted', 'event', 'inferred', 'period-fill', 'period-stroke', 'conflict', 'on-conflict',
  'cluster', 'on-cluster', 'focus', 'selected', 'era-a', 'era-b', 'era-text',
];

/** The colours of the current theme, read from the page's CSS custom properties. */
export function readPalette(element) {
  const style = getComputedStyle(element);
  const palette = {};
  for (const name of PALETTE_NAMES) {
    const key = name.replace(/-(\w)/g, (_, c) => c.toUpperCase());
    palette[key] = style.getPropertyValue(`--${name}`).trim() || '#808080';
  }
  return palette;
}

/** A #rrggbb colour with an alpha, as rgba(). */
export function withAlpha(hex, a) {
  const m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!m) return hex;
  return `rgba(${parseInt(m[1], 16)}, ${parseInt(m[2], 16)}, ${parseInt(m[3], 16)}, ${a})`;
}

function clusterRadius(count) {
  return count < 10 ? 10 : count < 100 ? 12 : count < 1000 ? 14 : 16;
}

export function countLabel(count) {
  if (count < 1000) return String(count);
  if (count < 10000) return `${(count / 1000).toFixed(1).replace(/\.0$/, '')}k`;
  if (count < 1e6) return `${Math.round(count / 1000)}k`;
  return `${(count / 1e6).toFixed(1).replace(/\.0$/, '')}M`;
}

function truncate(ctx, text, max) {
  if (max <= 0) return '';
  if (ctx.measureText(text).width <= max) return text;
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (ctx.measureText(`${text.slice(0, mid)}…`).width <= max) lo = mid;
    else hi = mid - 1;
  }
  return lo ? `${text.slice(0, lo)}…` : '';
}

/** The glyphs shared by the timeline and its legend. */
export class Marks {
  constructor(ctx, palette) {
    this.ctx = ctx;
    this.p = palette;
    this.hatch = null;
  }

  #hatchPattern() {
    if (this.hatch) return this.hatch;
    const tile = document.createElement('canvas');
    tile.width = 8;
    tile.height = 8;
    const t = tile.getContext('2d');
    t.fillStyle = withAlpha(this.p.inferred, 0.16);
    t.fillRect(0, 0, 8, 8);
    t.strokeStyle = withAlpha(this.p.inferred, 0.75);
    t.lineWidth = 1.5;
    t.beginPath();
    t.moveTo(-2, 10);
    t.lineTo(10, -2);
    t.moveTo(6, 10);
    t.lineTo(10, 6);
    t.moveTo(-2, 2);
    t.lineTo(2, -2);
    t.stroke();
    this.hatch = this.ctx.createPattern(tile, 'repeat');
    return this.hatch;
  }

  colour(flags) {
    return flags & F_ORDER ? this.p.inferred : this.p.event;
  }

  /** An event's marker, centred at (x, y). */
  marker(x, y, flags) {
    const { ctx, p } = this;
    const c = this.colour(flags);
    ctx.save();
    if (flags & F_APPROX) {
      const g = ctx.createRadialGradient(x, y, 0, x, y, R + 5);
      g.addColorStop(0, c);
      g.addColorStop(0.42, c);
      g.addColorStop(1, withAlpha(c, 0));
      ctx.fillStyle = g;
      ctx.beginPath();
      ctx.arc(x, y, R + 5, 0, Math.PI * 2);
      ctx.fill();
    } else if (flags & F_ORDER) {
      ctx.fillStyle = this.#hatchPattern();
      ctx.beginPath();
      ctx.arc(x, y, R + 1, 0, Math.PI * 2);
      ctx.fill();
      ctx.setLineDash([2.5, 2]);
      ctx.lineWidth = 1.75;
      ctx.strokeStyle = c;
      ctx.stroke();
    } else if (flags & F_UNCERTAIN) {
      ctx.fillStyle = p.canvasBg;
      ctx.strokeStyle = c;
      ctx.lineWidth = 2;
      ctx.beginPath();
      ctx.arc(x, y, R, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
    } else {
      ctx.fillStyle = c;
      ctx.strokeStyle = p.canvasBg;
      ctx.lineWidth = 1.5;
      ctx.beginPath();
      ctx.arc(x, y, R, 0, Math.PI * 2);
      ctx.fill();
      ctx.stroke();
    }
    ctx.restore();
    if (flags & F_UNCERTAIN) this.question(x + R + 1, y - R + 1, c);
    if (flags & F_CONFLICT) this.conflictBadge(x - R - 8, y);
  }

  question(x, y, colour) {
    const { ctx } = this;
    ctx.save();
    ctx.font = `700 11px ${FONT_FAMILY}`;
    ctx.fillStyle = colour;
    ctx.textBaseline = 'middle';
    ctx.textAlign = 'left';
    ctx.fillText('?', x, y);
    ctx.restore();
  }

  /** A small red diamond with "!": sources disagree about this event. */
  conflictBadge(x, y) {
    const { ctx, p } = this;
    const s = 6.5;
    ctx.save();
    ctx.fillStyle = p.conflict;
    ctx.strokeStyle = p.canvasBg;
    ctx.lineWidth = 1.25;
    ctx.beginPath();
    ctx.moveTo(x, y - s);
    ctx.lineTo(x + s, y);
    ctx.lineTo(x, y + s);
    ctx.lineTo(x - s, y);
    ctx.closePath();
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = p.onConflict;
    ctx.fillRect(x - 0.8, y - 3.6, 1.6, 4.2);
    ctx.fillRect(x - 0.8, y + 1.6, 1.6, 1.6);
    ctx.restore();
  }

  /** The span an event may lie in: a soft band with end caps, fading where it is open. */
  range(x0, x1, y, flags, openLeft, openRight) {
    const { ctx } = this;
    const c = this.colour(flags);
    const w = Math.max(1, x1 - x0);
    const fuzzy = Boolean(flags & F_APPROX);
    const edge = fuzzy ? Math.min(0.4, 18 / w) : 0;
    let left = openLeft ? 0.85 : edge;
    let right = openRight ? 0.15 : 1 - edge;
    if (openLeft && openRight) [left, right] = [0.35, 0.65];
    if (left > right) left = right = (left + right) / 2;
    const stops = (a) => {
      const g = ctx.createLinearGradient(x0, 0, x1, 0);
      g.addColorStop(0, withAlpha(c, openLeft || fuzzy ? 0 : a));
      g.addColorStop(left, withAlpha(c, a));
      g.addColorStop(right, withAlpha(c, a));
      g.addColorStop(1, withAlpha(c, openRight || fuzzy ? 0 : a));
      return g;
    };
    const half = 5;
    ctx.save();
    ctx.fillStyle = stops(0.18);
    ctx.fillRect(x0, y - half, w, half * 2);
    if (flags & F_ORDER) {
      ctx.strokeStyle = stops(0.7);
      ctx.lineWidth = 1;
      ctx.setLineDash([3, 3]);
      ctx.beginPath();
      ctx.moveTo(x0, y - half + 0.5);
      ctx.lineTo(x1, y - half + 0.5);
      ctx.moveTo(x0, y + half - 0.5);
      ctx.lineTo(x1, y + half - 0.5);
      ctx.stroke();
      ctx.setLineDash([]);
    }
    ctx.strokeStyle = withAlpha(c, 0.65);
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    if (!openLeft && !fuzzy) {
      ctx.moveTo(x0 + 0.75, y - half - 1);
      ctx.lineTo(x0 + 0.75, y + half + 1);
    }
    if (!openRight && !fuzzy) {
      ctx.moveTo(x1 - 0.75, y - half - 1);
      ctx.lineTo(x1 - 0.75, y + half + 1);
    }
    ctx.stroke();
    ctx.restore();
  }

  /** A period's bar from x0 to x1 (top y): fuzzy ends when approximate, fading when open. */
  bar(x0, x1, y, flags, openLeft, openRight) {
    const { ctx } = this;
    const w = Math.max(3, x1 - x0);
    const fuzzy = Boolean(flags & F_APPROX);
    if (!fuzzy && !openLeft && !openRight) {
      this.#barShape(ctx, x0, w, y, flags, true, true);
      return;
    }
    // Draw the bar alone on a scratch canvas, fade it there with an alpha mask, copy it over.
    const dpr = ctx.getTransform().a || 1;
    const limit = ctx.canvas.width / dpr;
    const vx0 = Math.max(x0, -4) - 2;
    const vx1 = Math.min(x0 + w, limit + 4) + 2;
    if (vx1 <= vx0) return;
    if (!Marks.scratch) Marks.scratch = document.createElement('canvas');
    const scratch = Marks.scratch;
    scratch.width = Math.ceil((vx1 - vx0) * dpr);
    scratch.height = Math.ceil((BAR_H + 4) * dpr);
    const s = scratch.getContext('2d');
    s.setTransform(dpr, 0, 0, dpr, -vx0 * dpr, -(y - 2) * dpr);
    this.#barShape(s, x0, w, y, flags, !openLeft && !fuzzy, !openRight && !fuzzy);
    const g = s.createLinearGradient(x0, 0, x0 + w, 0);
    const edge = fuzzy ? Math.min(0.45, 24 / w) : 0;
    const fadeL = openLeft ? Math.min(0.9, FADE_PX / w) : edge;
    const fadeR = openRight ? Math.max(0.1, 1 - FADE_PX / w) : 1 - edge;
    g.addColorStop(0, `rgba(0,0,0,${openLeft || fuzzy ? 0 : 1})`);
    g.addColorStop(Math.min(fadeL, fadeR), 'rgba(0,0,0,1)');
    g.addColorStop(Math.max(fadeL, fadeR), 'rgba(0,0,0,1)');
    g.addColorStop(1, `rgba(0,0,0,${openRight || fuzzy ? 0 : 1})`);
    s.globalCompositeOperation = 'destination-in';
    s.fillStyle = g;
    s.fillRect(vx0, y - 2, vx1 - vx0, BAR_H + 4);
    s.globalCompositeOperation = 'source-over';
    ctx.drawImage(scratch, vx0, y - 2, scratch.width / dpr, scratch.height / dpr);
  }

  #barShape(c, x0, w, y, flags, capLeft, capRight) {
    const { p } = this;
    const inferred = flags & F_ORDER;
    c.save();
    c.fillStyle = inferred ? this.#hatchPattern() : p.periodFill;
    this.#roundRect(x0, y, w, BAR_H, 3, c);
    c.fill();
    c.strokeStyle = inferred ? p.inferred : p.periodStroke;
    c.lineWidth = 1.25;
    if (inferred) c.setLineDash([4, 3]);
    else if (flags & F_UNCERTAIN) c.setLineDash([1.5, 2.5]);
    c.beginPath();
    c.moveTo(x0, y + 0.5);
    c.lineTo(x0 + w, y + 0.5);
    c.moveTo(x0, y + BAR_H - 0.5);
    c.lineTo(x0 + w, y + BAR_H - 0.5);
    c.stroke();
    c.setLineDash([]);
    c.lineWidth = capLeft && capRight ? 1.25 : 2;
    c.beginPath();
    if (capLeft) {
      c.moveTo(x0 + 0.75, y);
      c.lineTo(x0 + 0.75, y + BAR_H);
    }
    if (capRight) {
      c.moveTo(x0 + w - 0.75, y);
      c.lineTo(x0 + w - 0.75, y + BAR_H);
    }
    c.stroke();
    c.restore();
  }

  /** A cluster badge: a disc with the number of events it holds. */
  cluster(x, y, count, conflicts) {
    const { ctx, p } = this;
    const r = clusterRadius(count);
    ctx.save();
    ctx.fillStyle = p.cluster;
    ctx.strokeStyle = p.canvasBg;
    ctx.lineWidth = 2;
    ctx.beginPath();
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.fill();
    ctx.stroke();
    ctx.fillStyle = p.onCluster;
    ctx.font = FONT_SMALL_BOLD;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    ctx.fillText(countLabel(count), x, y + 0.5);
    ctx.restore();
    if (conflicts) this.conflictBadge(x - r - 5, y);
    return r;
  }

  #roundRect(x, y, w, h, r, c = this.ctx) {
    const ctx = c;
    r = Math.min(r, w / 2, h / 2);
    ctx.beginPath();
    ctx.moveTo(x + r, y);
    ctx.arcTo(x + w, y, x + w, y + h, r);
    ctx.arcTo(x + w, y + h, x, y + h, r);
    ctx.arcTo(x, y + h, x, y, r);
    ctx.arcTo(x, y, x + w, y, r);
    ctx.closePath();
  }

  ring(x0, y0, x1, y1, colour, width, dash) {
    const { ctx } = this;
    ctx.save();
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    if (dash) ctx.setLineDash(dash);
    this.#roundRect(x0, y0, x1 - x0, y1 - y0, 6);
    ctx.stroke();
    ctx.restore();
  }
}

export class TimelineCanvas {
  constructor(canvas, model) {
    this.canvas = canvas;
    this.ctx = canvas.getContext('2d');
    this.model = model;
    this.width = 0;
    this.height = 0;
    this.dpr = 1;
    this.hits = [];
    this.focusHit = null;
    this.labelWidths = new Float32Array(model.n).fill(-1);
    this.palette = null;
    this.marks = null;
  }

  setPalette(palette) {
    this.palette = palette;
    this.marks = new Marks(this.ctx, palette);
  }

  resize(width, height) {
    this.dpr = window.devicePixelRatio || 1;
    this.width = Math.max(1, Math.floor(width));
    this.height = Math.max(1, Math.floor(height));
    this.canvas.width = Math.round(this.width * this.dpr);
    this.canvas.height = Math.round(this.height * this.dpr);
    this.canvas.style.width = `${this.width}px`;
    this.canvas.style.height = `${this.height}px`;
  }

  maxLanes() {
    return Math.max(1, Math.floor((this.height - AXIS_H) / MIN_LANE_H));
  }

  /** Text with a halo of the background colour, so it reads over lines and bands. */
  #label(text, x, y) {
    const { ctx, palette: P } = this;
    ctx.save();
    ctx.lineJoin = 'round';
    ctx.lineWidth = 3.5;
    ctx.strokeStyle = withAlpha(P.canvasBg, 0.75);
    ctx.strokeText(text, x, y);
    ctx.fillStyle = P.text;
    ctx.fillText(text, x, y);
    ctx.restore();
  }

  /** A label's width for layout without measuring it (measured only when drawn). */
  #labelEstimate(i) {
    const w = this.labelWidths[i];
    return w >= 0 ? w : Math.min(LABEL_MAX, this.model.title(i).length * 6.6);
  }

  #labelWidth(i) {
    let w = this.labelWidths[i];
    if (w < 0) {
      w = this.ctx.measureText(this.model.title(i)).width;
      this.labelWidths[i] = w;
    }
    return w;
  }

  /** Draw the view [v0, v1]; ``st`` holds lanes, eras, focus, selection and hover. */
  draw(v0, v1, st) {
    const { ctx, width: W, height: H, palette: P } = this;
    ctx.setTransform(this.dpr, 0, 0, this.dpr, 0, 0);
    ctx.fillStyle = P.canvasBg;
    ctx.fillRect(0, 0, W, H);
    ctx.font = FONT;
    ctx.textBaseline = 'middle';
    this.hits = [];
    this.focusHit = null;
    const scale = W / (v1 - v0);
    const X = (t) => (t - v0) * scale;
    const ticks = makeTicks(v0, v1, W);
    this.lastTicks = ticks;
    const lanes = st.lanes;
    const laneH = Math.max(MIN_LANE_H, Math.floor((H - AXIS_H) / lanes.length));
    lanes.forEach((lane, k) => {
      if (k % 2 === 1) {
        ctx.fillStyle = P.laneAlt;
        ctx.fillRect(0, AXIS_H + k * laneH, W, laneH);
      }
    });
    this.#drawEras(st.eras, v0, v1, X, H);
    ctx.strokeStyle = P.grid;
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const t of ticks.major) {
      const x = Math.round(X(t.t)) + 0.5;
      ctx.moveTo(x, AXIS_H);
      ctx.lineTo(x, H);
    }
    ctx.stroke();
    ctx.font = FONT;
    const showHeaders = lanes.length > 1 || lanes[0].key !== 'all';
    lanes.forEach((lane, k) => {
      const y = AXIS_H + k * laneH;
      ctx.save();
      ctx.beginPath();
      ctx.rect(0, y, W, laneH);
      ctx.clip();
      this.#drawLane(lane, y, laneH, v0, v1, scale, X, st, showHeaders);
      ctx.restore();
      if (k > 0) {
        ctx.strokeStyle = P.border;
        ctx.beginPath();
        ctx.moveTo(0, y + 0.5);
        ctx.lineTo(W, y + 0.5);
        ctx.stroke();
      }
    });
    if (!this.model.nav.length) {
      ctx.fillStyle = P.muted;
      ctx.font = FONT_BOLD;
      ctx.textAlign = 'center';
      ctx.fillText(st.emptyText || 'No dated events to show', W / 2, AXIS_H + (H - AXIS_H) / 2);
      ctx.textAlign = 'left';
    }
    this.#drawAxis(ticks, X, W);
    for (const hit of this.hits) {
      if (hit.i === st.selected && st.selected >= 0) {
        this.marks.ring(hit.x0 - 2, hit.y0 - 2, hit.x1 + 2, hit.y1 + 2, P.selected, 2);
      }
    }
    if (this.focusHit && st.showFocus) {
      const h = this.focusHit;
      this.marks.ring(h.x0 - 4, h.y0 - 4, h.x1 + 4, h.y1 + 4, P.focus, 3);
    }
  }

  #drawEras(eras, v0, v1, X, H) {
    if (!eras || !eras.length) return;
    const { ctx, palette: P } = this;
    eras.forEach((era, k) => {
      if (era.t1 < v0 || era.t0 > v1) return;
      const x0 = Math.max(0, X(era.t0));
      const x1 = Math.min(this.width, X(era.t1));
      ctx.fillStyle = k % 2 ? P.eraB : P.eraA;
      ctx.fillRect(x0, AXIS_H, x1 - x0, H - AXIS_H);
      ctx.fillStyle = P.eraText;
      ctx.font = `italic ${FONT}`;
      ctx.fillText(truncate(ctx, era.title, x1 - x0 - 12), x0 + 6, H - 12);
    });
    ctx.font = FONT;
  }

  #drawAxis(ticks, X, W) {
    const { ctx, palette: P } = this;
    ctx.fillStyle = P.axisBg;
    ctx.fillRect(0, 0, W, AXIS_H);
    ctx.strokeStyle = P.border;
    ctx.lineWidth = 1;
    ctx.beginPath();
    ctx.moveTo(0, AXIS_H - 0.5);
    ctx.lineTo(W, AXIS_H - 0.5);
    ctx.stroke();
    ctx.strokeStyle = P.axisText;
    ctx.beginPath();
    for (const t of ticks.minor) {
      const x = Math.round(X(t.t)) + 0.5;
      ctx.moveTo(x, AXIS_H - 5);
      ctx.lineTo(x, AXIS_H);
    }
    for (const t of ticks.major) {
      const x = Math.round(X(t.t)) + 0.5;
      ctx.moveTo(x, AXIS_H - 11);
      ctx.lineTo(x, AXIS_H);
    }
    ctx.stroke();
    ctx.font = FONT;
    ctx.fillStyle = P.axisText;
    ctx.textAlign = 'center';
    const majors = ticks.major.slice().sort((a, b) => a.t - b.t);
    let right = -Infinity;
    for (const t of majors) {
      const x = X(t.t);
      const w = ctx.measureText(t.label).width;
      if (x - w / 2 < right + 8 || x - w / 2 < 2 || x + w / 2 > W - 2) continue;
      ctx.fillText(t.label, x, AXIS_H - 22);
      right = x + w / 2;
    }
    // context row: sticky labels (the stretch the left edge is in stays named)
    ctx.textAlign = 'left';
    ctx.font = FONT_BOLD;
    ctx.fillStyle = P.axisStrong;
    const ctxTicks = ticks.context.slice().sort((a, b) => a.t - b.t);
    for (let k = 0; k < ctxTicks.length; k += 1) {
      const t = ctxTicks[k];
      const w = ctx.measureText(t.label).width;
      let x = Math.max(8, X(t.t) + 4);
      const next = ctxTicks[k + 1];
      if (next) x = Math.min(x, X(next.t) - w - 12);
      if (x < 4 || x + w > W - 4) continue;
      ctx.fillText(t.label, x, 15);
    }
  }

  #drawLane(lane, y, h, v0, v1, scale, X, st, showHeader) {
    const { ctx, palette: P, model: m, marks } = this;
    const W = this.width;
    if (showHeader) {
      ctx.font = FONT_BOLD;
      const label = `${lane.label} · ${lane.count.toLocaleString('en-US')}`;
      const text = truncate(ctx, label, W - 24);
      const w = ctx.measureText(text).width;
      ctx.fillStyle = withAlpha(P.axisBg, 0.92);
      ctx.fillRect(4, y + 3, w + 12, 17);
      ctx.fillStyle = P.text;
      ctx.fillText(text, 10, y + 12);
      ctx.font = FONT;
    }
    let top = y + (showHeader ? LANE_HEADER + 4 : 10);
    const bottom = y + h - 6;
    const margin = (LABEL_MAX + 60) / scale; // open bars reach this far past their known end
    const focus = st.focus;

    // ---------------------------------------------------------------- periods (bars)
    const hi = upperBound(lane.pt0, v1 + margin);
    const cand = [];
    for (let k = hi - 1; k >= 0 && lane.pmax[k] >= v0 - margin; k -= 1) {
      const i = lane.periods[k];
      if (m.t1[i] >= v0 - margin) cand.push(i);
    }
    cand.reverse();
    // Rows for bars: what is left after one row of events (when there are events in view)
    // and the overflow strip, and at most eight.
    const pointsInView =
      upperBound(lane.ppos, v1 + margin) > lowerBound(lane.ppos, v0 - margin) ? EVENT_ROW : 0;
    const room = bottom - top - pointsInView - OVERFLOW_H;
    const maxRows = cand.length ? Math.max(1, Math.min(8, Math.floor(room / PERIOD_ROW))) : 0;
    const rows = [];
    let overflow = null;
    for (const i of cand) {
      const f = m.flags[i];
      const openLeft = Boolean(f & (F_OPEN_START | F_UNKNOWN_START));
      const openRight = Boolean(f & (F_OPEN_END | F_UNKNOWN_END));
      const lw = Math.min(this.#labelEstimate(i), LABEL_MAX);
      const open = Math.max(OPEN_PX, lw + 30);
      let x0 = openLeft ? X(m.t1[i]) - open : X(m.t0[i]);
      let x1 = openRight ? X(m.t0[i]) + open : X(m.t1[i]);
      if (openLeft && openRight) {
        x0 = -FADE_PX;
        x1 = W + FADE_PX;
      }
      x1 = Math.max(x1, x0 + 3);
      if (x1 < -2 || x0 > W + 2) continue;
      const visibleW = Math.min(x1, W) - Math.max(x0, 0);
      // Inside when it fits, or when the bar runs off an edge (no room outside to show it).
      const inside = openLeft || openRight || visibleW >= lw + 16 || x1 > W - 40 || x0 < 0;
      const end = inside ? x1 : x1 + 8 + lw;
      let r = rows.findIndex((row) => row.end <= x0 - 3);
      if (r < 0 && rows.length < maxRows) {
        rows.push({ end: -Infinity, items: [] });
        r = rows.length - 1;
      }
      if (r < 0) {
        // No room: counted in the overflow strip instead of drawn over other bars.
        if (!overflow) overflow = { diff: new Int32Array(W + 2), count: 0, t0: Infinity, t1: -Infinity };
        const a = Math.max(0, Math.min(W, Math.floor(x0)));
        const b = Math.max(0, Math.min(W, Math.ceil(x1)));
        overflow.diff[a] += 1;
        overflow.diff[Math.max(a + 1, b)] -= 1;
        overflow.count += 1;
        continue;
      }
      rows[r].items.push({ i, x0, x1, inside, openLeft, openRight });
      rows[r].end = Math.max(rows[r].end, end);
    }
    rows.forEach((row, r) => {
      const by = top + r * PERIOD_ROW;
      row.items.forEach((it, k) => {
        const f = m.flags[it.i];
        marks.bar(it.x0, it.x1, by, f, it.openLeft, it.openRight);
        let lx;
        let lmax;
        if (it.inside) {
          lx = Math.max(it.x0, 0) + 6;
          lmax = Math.min(it.x1, W) - lx - 6;
        } else {
          lx = it.x1 + 6;
          const next = row.items[k + 1];
          lmax = (next ? next.x0 : W) - lx - 6;
        }
        let labelW = 0;
        if (lmax >= 24) {
          let label = m.title(it.i);
          if (f & F_UNCERTAIN) label += ' ?';
          const text = truncate(ctx, label, Math.min(lmax, LABEL_MAX + 20));
          if (it.inside && !(it.openLeft || it.openRight || f & F_ORDER)) {
            ctx.fillStyle = P.text;
            ctx.fillText(text, lx, by + BAR_H / 2 + 0.5);
          } else this.#label(text, lx, by + BAR_H / 2 + 0.5);
          labelW = it.inside ? 0 : ctx.measureText(text).width + 6;
        }
        if (f & F_CONFLICT) marks.conflictBadge(Math.max(it.x0, 0) + 2, by);
        const hit = {
          kind: 'event',
          i: it.i,
          x0: Math.max(it.x0, -4),
          x1: Math.min(Math.max(it.x1, it.x0 + 6) + labelW, W + 4),
          y0: by - 2,
          y1: by + BAR_H + 2,
        };
        this.hits.push(hit);
        if (it.i === focus) this.focusHit = hit;
      });
    });
    if (rows.length) top += rows.length * PERIOD_ROW;
    if (overflow) {
      this.#drawOverflow(overflow, top, W);
      top += OVERFLOW_H;
    }
    if (rows.length) top += 6;

    // ----------------------------------------------------------- events (markers)
    const eventRows = Math.max(1, Math.floor((bottom - top) / EVENT_ROW));
    const stackLimit = eventRows; // a bucket stacks into every row; beyond that, a cluster
    const lo = lowerBound(lane.ppos, v0 - margin);
    const hiP = upperBound(lane.ppos, v1 + margin);
    const bucket = BUCKET_PX / scale;
    let focusLocal = -1;
    if (focus >= 0 && !(m.flags[focus] & F_PERIOD)) {
      let j = lowerBound(lane.ppos, m.pos[focus], lo, hiP);
      while (j < hiP && lane.ppos[j] === m.pos[focus] && lane.points[j] !== focus) j += 1;
      if (j < hiP && lane.points[j] === focus) focusLocal = j;
    }
    const items = [];
    for (let k = lo; k < hiP; ) {
      const b = Math.floor(lane.ppos[k] / bucket);
      let end = lowerBound(lane.ppos, (b + 1) * bucket, k, hiP);
      if (end <= k) end = k + 1;
      if (end - k <= stackLimit) {
        for (let j = k; j < end; j += 1) {
          const i = lane.points[j];
          const rh = R + 3 + (m.flags[i] & F_CONFLICT ? 9 : 0);
          items.push({ single: true, i, from: j, to: j + 1, x: X(lane.ppos[j]), rh });
        }
      } else {
        // at the bucket's centre: badges keep one row and do not jitter while panning
        const cluster = this.#cluster(lane, k, end, X);
        cluster.x = X((b + 0.5) * bucket);
        items.push(cluster);
      }
      k = end;
    }
    // Rows: an item goes in the first row with room for its marker and label, else the first
    // with room for its marker (the label before it is cut short); when no row has room, it
    // joins the item before it (adjacent in time order) in a cluster, so marks never overlap.
    const rowEnd = new Array(eventRows).fill(-Infinity);
    const markEnd = new Array(eventRows).fill(-Infinity);
    const rowItems = Array.from({ length: eventRows }, () => []);
    let last = null;
    for (const it of items) {
      const want = it.single ? Math.min(this.#labelWidth(it.i), LABEL_MAX) + 10 : 0;
      // a cluster has no label: it only needs room for its badge
      let r = it.single ? rowEnd.findIndex((e) => e <= it.x - it.rh - 2) : -1;
      if (r < 0) r = markEnd.findIndex((e) => e <= it.x - it.rh + 0.5);
      if (r < 0 && last) {
        const merged = this.#cluster(lane, last.from, it.to, X);
        merged.row = last.row;
        rowItems[last.row][rowItems[last.row].length - 1] = merged;
        markEnd[last.row] = Math.max(markEnd[last.row], merged.x + merged.rh);
        rowEnd[last.row] = Math.max(rowEnd[last.row], markEnd[last.row]);
        last = merged;
        continue;
      }
      if (r < 0) r = 0;
      it.row = r;
      rowItems[r].push(it);
      markEnd[r] = it.x + it.rh;
      rowEnd[r] = it.x + it.rh + want;
      last = it;
    }
    // ranges first (under every marker), then markers and labels
    rowItems.forEach((row, r) => {
      const cy = top + r * EVENT_ROW + EVENT_ROW / 2;
      for (const it of row) {
        if (!it.single) continue;
        const f = m.flags[it.i];
        const openLeft = Boolean(f & (F_OPEN_START | F_UNKNOWN_START));
        const openRight = Boolean(f & (F_OPEN_END | F_UNKNOWN_END));
        const x0 = openLeft ? it.x - FADE_PX : X(m.t0[it.i]);
        const x1 = openRight ? it.x + FADE_PX : X(m.t1[it.i]);
        if (x1 - x0 >= 14 || openLeft || openRight) marks.range(x0, x1, cy, f, openLeft, openRight);
      }
    });
    rowItems.forEach((row, r) => {
      const cy = top + r * EVENT_ROW + EVENT_ROW / 2;
      row.forEach((it, k) => {
        if (it.single) {
          const f = m.flags[it.i];
          marks.marker(it.x, cy, f);
          const next = row[k + 1];
          const lx = it.x + R + (f & F_UNCERTAIN ? 12 : 6);
          const lmax = (next ? next.x - next.rh : W) - lx - 4;
          let labelW = 0;
          if (lmax >= 24) {
            const text = truncate(ctx, m.title(it.i), Math.min(lmax, LABEL_MAX));
            this.#label(text, lx, cy + 0.5);
            labelW = ctx.measureText(text).width + 6;
          }
          const hit = {
            kind: 'event',
            i: it.i,
            x0: it.x - it.rh - 1,
            x1: Math.max(it.x + R + 4, lx + labelW - 4),
            y0: cy - 10,
            y1: cy + 10,
          };
          this.hits.push(hit);
          if (it.i === focus) this.focusHit = hit;
        } else {
          const count = it.to - it.from;
          const r0 = marks.cluster(it.x, cy, count, it.conflicts);
          const hit = {
            kind: 'cluster',
            lane,
            from: it.from,
            to: it.to,
            count,
            t0: lane.ppos[it.from],
            t1: lane.ppos[it.to - 1],
            x0: it.x - r0 - 2,
            x1: it.x + r0 + 2,
            y0: cy - r0 - 2,
            y1: cy + r0 + 2,
          };
          this.hits.push(hit);
          if (focusLocal >= it.from && focusLocal < it.to) this.focusHit = hit;
        }
      });
    });
  }

  /** Periods with no free row: a strip whose darkness shows how many overlap. */
  #drawOverflow(overflow, y, W) {
    const { ctx, palette: P } = this;
    const counts = new Int32Array(W + 1);
    let run = 0;
    let most = 1;
    for (let x = 0; x <= W; x += 1) {
      run += overflow.diff[x];
      counts[x] = run;
      if (run > most) most = run;
    }
    const top = y + 2;
    const h = OVERFLOW_H - 6;
    let first = -1;
    for (let x = 0; x < W; ) {
      const c = counts[x];
      let x2 = x + 1;
      while (x2 < W && counts[x2] === c) x2 += 1;
      if (c > 0) {
        if (first < 0) first = x;
        ctx.fillStyle = withAlpha(P.periodStroke, 0.15 + 0.6 * Math.sqrt(c / most));
        ctx.fillRect(x, top, x2 - x, h);
      }
      x = x2;
    }
    const label = `+${overflow.count.toLocaleString('en-US')} more periods: zoom in`;
    ctx.font = FONT_SMALL_BOLD;
    const w = ctx.measureText(label).width;
    const lx = Math.min(Math.max(4, first), W - w - 12);
    ctx.fillStyle = withAlpha(P.canvasBg, 0.9);
    ctx.fillRect(lx, top - 2, w + 10, h + 4);
    ctx.fillStyle = P.text;
    ctx.fillText(label, lx + 5, top + h / 2 + 0.5);
    ctx.font = FONT;
    this.hits.push({ kind: 'overflow', count: overflow.count, x0: 0, x1: W, y0: y, y1: y + OVERFLOW_H });
  }

  #cluster(lane, from, to, X) {
    const count = to - from;
    return {
      single: false,
      from,
      to,
      x: (X(lane.ppos[from]) + X(lane.ppos[to - 1])) / 2,
      rh: clusterRadius(count) + 1,
      conflicts: lane.pconf[to] - lane.pconf[from],
    };
  }

  /** The topmost thing drawn at (x, y), or null. */
  hitTest(x, y) {
    for (let k = this.hits.length - 1; k >= 0; k -= 1) {
      const h = this.hits[k];
      if (x >= h.x0 && x <= h.x1 && y >= h.y0 && y <= h.y1) return h;
    }
    return null;
  }
}
