// The viewer: state, interaction (wheel, drag, pinch, keys), filters, deep links, API.
import { F_DATED, F_PERIOD, Model, lowerBound, upperBound } from './data.js';
import { AXIS_H, MIN_LANE_H, Marks, TimelineCanvas, readPalette } from './draw.js';
import {
  EventList,
  FLAG_SET,
  LEGEND,
  conflictDetails,
  dateText,
  drawLegendIcon,
  eventDetails,
  groupDetails,
  h,
} from './ui.js';
import {
  DAY,
  LIMIT,
  MAX_SPAN,
  MIN_SPAN,
  dayEnd,
  dayStart,
  describeRange,
  parseYearInput,
} from './time.js';

const byId = (id) => document.getElementById(id);
const THEME_KEY = 'chronologist-theme';
const THEMES = ['auto', 'light', 'dark'];
const MAX_LANES = 12;

function clamp(x, lo, hi) {
  return Math.min(hi, Math.max(lo, x));
}

function debounce(fn, ms) {
  let timer = 0;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

function formatCoord(t, span) {
  const decimals = clamp(Math.ceil(-Math.log10(span)) + 4, 0, 10);
  return Number(t.toFixed(decimals)).toString();
}

class Viewer {
  constructor(api) {
    this.api = api;
    this.frameTimes = api.frameTimes;
    const started = performance.now();
    const raw = byId('timeline-data');
    const json = JSON.parse(raw ? raw.textContent : '{}');
    const parsed = performance.now();
    this.model = new Model(json);
    const modelled = performance.now();
    this.view = { start: 0, end: 1 };
    this.focus = -1;
    this.selected = -1;
    this.mode = 'timeline';
    this.lanesMode = 'none';
    this.filter = { q: '', participant: '', source: '', kind: '', range: null };
    this.drawPending = false;
    this.hashTimer = 0;
    this.panelStack = [];
    this.returnFocus = null;
    this.announceNext = false;
    this.anim = 0;
    this.pointers = new Map();
    this.gesture = null;
    this.reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)');
    this.eras = this.#readEras();

    this.root = byId('tl');
    this.canvas = new TimelineCanvas(byId('tl-canvas'), this.model);
    this.tooltip = byId('tl-tooltip');
    this.live = byId('tl-live');
    this.detail = byId('detail');
    this.detailBody = byId('detail-body');
    this.list = new EventList(
      byId('event-list'),
      byId('list-more'),
      byId('list-sentinel'),
      this.model,
      { openEvent: (i, from) => this.openEvent(i, { returnFocus: from }) },
    );
    this.actions = {
      openEvent: (i) => this.openEvent(i, { push: true }),
      openConflict: (id) => this.openConflict(id, { push: true }),
      filterParticipant: (name) => this.#setParticipant(name),
    };

    this.#applyTheme(this.#storedTheme());
    const t1 = performance.now();
    this.#populateFilters();
    this.#buildLegend();
    this.#bind();
    const t2 = performance.now();
    const rect = this.root.getBoundingClientRect();
    this.canvas.resize(rect.width, rect.height);
    this.lanes = this.model.lanes(this.lanesMode, this.canvas.maxLanes());
    this.list.setOrder(this.model.listOrder());
    this.#updateCounts();
    const t3 = performance.now();
    this.#fit(false);
    this.#applyHash(true);
    this.drawNow();
    api.timings = {
      parseMs: parsed - started,
      modelMs: modelled - parsed,
      uiMs: t2 - t1,
      lanesListMs: t3 - t2,
      firstDrawMs: performance.now() - t3,
      readyMs: performance.now() - started,
    };
  }

  // ------------------------------------------------------------------------- view
  setView(start, end, { keepAnimation = false } = {}) {
    if (!keepAnimation) cancelAnimationFrame(this.anim);
    if (!Number.isFinite(start) || !Number.isFinite(end)) return;
    if (end < start) [start, end] = [end, start];
    let span = clamp(end - start, MIN_SPAN, MAX_SPAN);
    const centre = clamp((start + end) / 2, -LIMIT, LIMIT);
    span = clamp(span, MIN_SPAN, MAX_SPAN);
    this.view = { start: centre - span / 2, end: centre + span / 2 };
    this.requestDraw();
    this.#scheduleHash();
    this.#updateRangeLabel();
  }

  zoomAt(factor, x = this.canvas.width / 2) {
    const { start, end } = this.view;
    const span = end - start;
    const t = start + (x / this.canvas.width) * span;
    const next = clamp(span / factor, MIN_SPAN, MAX_SPAN);
    const s = t - (x / this.canvas.width) * next;
    this.setView(s, s + next);
  }

  panBy(years) {
    this.setView(this.view.start + years, this.view.end + years);
  }

  animateTo(start, end) {
    cancelAnimationFrame(this.anim);
    if (this.reducedMotion.matches) {
      this.setView(start, end);
      return;
    }
    const from = { ...this.view };
    const t0 = performance.now();
    const duration = 220;
    const c0 = (from.start + from.end) / 2;
    const c1 = (start + end) / 2;
    const l0 = Math.log(from.end - from.start);
    const l1 = Math.log(Math.max(MIN_SPAN, end - start));
    const step = (now) => {
      const u = Math.min(1, (now - t0) / duration);
      const e = 1 - (1 - u) ** 3;
      const span = Math.exp(l0 + (l1 - l0) * e);
      const c = c0 + (c1 - c0) * e;
      this.setView(c - span / 2, c + span / 2, { keepAnimation: true });
      if (u < 1) this.anim = requestAnimationFrame(step);
    };
    this.anim = requestAnimationFrame(step);
  }

  #extent(indices) {
    const m = this.model;
    let lo = Infinity;
    let hi = -Infinity;
    for (const i of indices) {
      const a = Number.isFinite(m.t0[i]) ? m.t0[i] : m.pos[i];
      const b = Number.isFinite(m.t1[i]) ? m.t1[i] : m.pos[i];
      if (a < lo) lo = a;
      if (b > hi) hi = b;
    }
    return [lo, hi];
  }

  #fit(animate = true) {
    const nav = this.model.nav;
    let [lo, hi] = nav.length ? this.#extent(nav) : [1900, 2000];
    if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [1900, 2000];
    let span = Math.max(hi - lo, 14 * DAY);
    const mid = (lo + hi) / 2;
    span *= 1.12;
    if (animate) this.animateTo(mid - span / 2, mid + span / 2);
    else this.setView(mid - span / 2, mid + span / 2);
  }

  #ensureVisible(i, centre = false) {
    const m = this.model;
    if (!(m.flags[i] & F_DATED)) return;
    const { start, end } = this.view;
    const span = end - start;
    const p = m.pos[i];
    if (!centre && p >= start + span * 0.04 && p <= end - span * 0.04) return;
    this.animateTo(p - span / 2, p + span / 2);
  }

  // ----------------------------------------------------------------------- drawing
  requestDraw() {
    if (this.drawPending) return;
    this.drawPending = true;
    requestAnimationFrame(() => {
      if (this.drawPending) this.drawNow();
    });
  }

  drawNow() {
    this.drawPending = false;
    const t = performance.now();
    this.canvas.draw(this.view.start, this.view.end, {
      lanes: this.lanes,
      eras: this.eras,
      focus: this.focus,
      selected: this.selected,
      showFocus: document.activeElement === this.root,
      emptyText: this.model.n ? 'No dated events match the filters' : 'This timeline is empty',
    });
    this.frameTimes.push(performance.now() - t);
    if (this.frameTimes.length > 2000) this.frameTimes.splice(0, this.frameTimes.length - 1000);
    if (this.announceNext) {
      this.announceNext = false;
      this.#announceFocus();
    }
  }

  #rebuildLanes() {
    if (this.lanesMode === 'none') this.root.style.minHeight = '';
    else {
      const want = Math.min(MAX_LANES, this.model.groupCount(this.lanesMode));
      this.root.style.minHeight = `${AXIS_H + want * MIN_LANE_H + 2}px`;
    }
    this.lanes = this.model.lanes(this.lanesMode, this.canvas.maxLanes());
    this.requestDraw();
  }

  #updateRangeLabel() {
    const label = byId('range-label');
    if (label) label.textContent = describeRange(this.view.start, this.view.end);
  }

  // ------------------------------------------------------------------------ focus
  #moveFocus(delta) {
    const m = this.model;
    const nav = m.nav;
    if (!nav.length) {
      this.#say('No dated events to move between.');
      return;
    }
    let r;
    if (this.focus < 0 || m.navRank[this.focus] < 0) {
      r =
        delta > 0
          ? lowerBound(m.navPos, this.view.start)
          : upperBound(m.navPos, this.view.end) - 1;
      r = clamp(r, 0, nav.length - 1);
    } else {
      r = clamp(m.navRank[this.focus] + delta, 0, nav.length - 1);
    }
    this.#focusRank(r);
  }

  #focusRank(r) {
    const m = this.model;
    this.focus = m.nav[r];
    this.#ensureVisible(this.focus);
    this.announceNext = true;
    this.requestDraw();
  }

  #announceFocus() {
    const m = this.model;
    const i = this.focus;
    if (i < 0) return;
    const r = m.navRank[i];
    const kind = m.flags[i] & F_PERIOD ? 'Period' : 'Event';
    let text = `${m.title(i)}. ${dateText(m, i)}. ${kind} ${r + 1} of ${m.nav.length}.`;
    if (m.conflictsOf.has(i)) text += ' Sources disagree.';
    const fh = this.canvas.focusHit;
    if (fh && fh.kind === 'cluster') {
      text += ` Drawn in a cluster of ${fh.count} at this zoom: Enter zooms in, Space opens details.`;
    } else {
      text += ' Enter opens details.';
    }
    this.#say(text);
  }

  #say(text) {
    this.live.textContent = text;
  }

  #activate(openDirectly) {
    if (this.focus < 0) {
      this.#moveFocus(1);
      return;
    }
    if (this.drawPending) this.drawNow();
    const fh = this.canvas.focusHit;
    if (!openDirectly && fh && fh.kind === 'cluster' && this.#zoomIntoCluster(fh)) {
      this.announceNext = true;
      return;
    }
    this.openEvent(this.focus, { returnFocus: this.root });
  }

  /** Zoom so a cluster's events draw apart; false when they cannot (same moment). */
  #zoomIntoCluster(hit) {
    const width = hit.t1 - hit.t0;
    const span = this.view.end - this.view.start;
    if (width < MIN_SPAN / 40 || span <= MIN_SPAN * 1.01) return false;
    const pad = Math.max(width * 0.2, MIN_SPAN / 2);
    this.animateTo(hit.t0 - pad, hit.t1 + pad);
    return true;
  }

  // ------------------------------------------------------------------ detail panel
  /**
   * Show content in the detail panel. ``push`` (opened from inside the panel) keeps the
   * current content for the Back button; ``restoring`` is Back itself.
   */
  #present(nodes, again, { push = false, restoring = false, returnFocus, moveFocus = true } = {}) {
    if (push && !this.detail.hidden && this.current) this.panelStack.push(this.current);
    else if (!restoring) this.panelStack = [];
    this.current = again;
    this.detailBody.replaceChildren(...nodes);
    this.detail.hidden = false;
    document.body.classList.add('has-detail');
    byId('detail-back').hidden = this.panelStack.length === 0;
    if (returnFocus !== undefined) this.returnFocus = returnFocus;
    this.detail.scrollTop = 0;
    if (moveFocus) {
      const title = byId('detail-title');
      if (title) title.focus({ preventScroll: true });
    }
  }

  openEvent(i, options = {}) {
    if (i === undefined || i < 0 || i >= this.model.n) return;
    const { reveal = true } = options;
    this.selected = i;
    if (this.model.navRank[i] >= 0) {
      this.focus = i;
      if (reveal && this.mode === 'timeline') this.#ensureVisible(i);
    }
    this.openKind = { event: String(this.model.event(i).id) };
    this.#present(eventDetails(this.model, i, this.actions), () =>
      this.openEvent(i, { restoring: true }),
    options);
    this.requestDraw();
    this.#writeHash();
  }

  openConflict(id, options = {}) {
    const c = this.model.conflictById.get(id);
    if (!c) return;
    this.openKind = { conflict: id };
    this.#present(conflictDetails(this.model, c, this.actions), () =>
      this.openConflict(id, { restoring: true }),
    options);
    this.#writeHash();
  }

  #openGroup(indices, options = {}) {
    this.openKind = null;
    this.#present(groupDetails(this.model, indices, this.actions), () =>
      this.#openGroup(indices, { restoring: true }),
    { returnFocus: this.root, ...options });
    this.#writeHash();
  }

  #back() {
    const previous = this.panelStack.pop();
    if (previous) previous();
  }

  closeDetail() {
    if (this.detail.hidden) return;
    this.detail.hidden = true;
    document.body.classList.remove('has-detail');
    this.selected = -1;
    this.openKind = null;
    this.panelStack = [];
    this.requestDraw();
    this.#writeHash();
    const target =
      this.returnFocus && document.contains(this.returnFocus) && !this.returnFocus.closest('[hidden]')
        ? this.returnFocus
        : this.mode === 'timeline'
          ? this.root
          : byId('show-list');
    target.focus();
  }

  // -------------------------------------------------------------------- deep links
  #parseHash() {
    const out = {};
    const raw = location.hash.replace(/^#/, '');
    for (const part of raw.split('&')) {
      const eq = part.indexOf('=');
      if (eq < 0) {
        if (part) out[part] = '';
        continue;
      }
      let value = part.slice(eq + 1);
      try {
        value = decodeURIComponent(value.replace(/\+/g, ' '));
      } catch {
        continue;
      }
      out[part.slice(0, eq)] = value;
    }
    return out;
  }

  #applyHash(initial) {
    const params = this.#parseHash();
    let viewSet = false;
    if (params.view) {
      const [a, b] = params.view.split(',').map(Number);
      if (Number.isFinite(a) && Number.isFinite(b) && b > a) {
        this.setView(a, b);
        viewSet = true;
      }
    }
    if (params.list !== undefined && this.mode !== 'list') this.#showMode('list', false);
    else if (params.list === undefined && this.mode === 'list' && !initial) {
      this.#showMode('timeline', false);
    }
    if (params.event !== undefined) {
      const i = this.model.indexOf(params.event);
      if (i !== undefined) {
        if (this.model.navRank[i] < 0 && this.filter.q) this.#clearFilters();
        this.openEvent(i, { moveFocus: !initial, returnFocus: this.root, reveal: false });
        const p = this.model.pos[i];
        const { start, end } = this.view;
        if (!viewSet && this.model.flags[i] & F_DATED && !(p > start && p < end)) {
          const span = end - start;
          this.setView(p - span / 2, p + span / 2);
        }
      }
    } else if (params.conflict !== undefined) {
      this.openConflict(params.conflict, { moveFocus: !initial, returnFocus: this.root });
    } else if (!initial) {
      this.closeDetail();
    }
  }

  #scheduleHash() {
    clearTimeout(this.hashTimer);
    this.hashTimer = setTimeout(() => this.#writeHash(), 250);
  }

  #writeHash() {
    clearTimeout(this.hashTimer);
    const { start, end } = this.view;
    const span = end - start;
    const parts = [`view=${formatCoord(start, span)},${formatCoord(end, span)}`];
    if (this.openKind && this.openKind.event !== undefined) {
      parts.push(`event=${encodeURIComponent(this.openKind.event)}`);
    } else if (this.openKind && this.openKind.conflict !== undefined) {
      parts.push(`conflict=${encodeURIComponent(this.openKind.conflict)}`);
    }
    if (this.mode === 'list') parts.push('list');
    const hash = `#${parts.join('&')}`;
    if (hash !== location.hash) {
      try {
        history.replaceState(history.state, '', hash);
      } catch {
        /* some file:// contexts refuse; the view still works */
      }
    }
  }

  // ---------------------------------------------------------------------- filters
  #populateFilters() {
    const m = this.model;
    const fill = (select, entries, label) => {
      const options = entries.map(([value, count]) =>
        h('option', { value }, `${label(value)} (${count.toLocaleString('en-US')})`),
      );
      select.append(...options);
    };
    const people = Array.from(m.participantCounts.entries()).sort(
      (a, b) => b[1] - a[1] || a[0].localeCompare(b[0]),
    );
    fill(byId('f-participant'), people.slice(0, 1000), (v) => v);
    const sources = Array.from(m.sourceCounts.entries()).sort((a, b) =>
      m.sourceTitle(a[0]).localeCompare(m.sourceTitle(b[0])),
    );
    fill(byId('f-source'), sources.slice(0, 1000), (v) => m.sourceTitle(v));
    if (!people.length) byId('f-participant').disabled = true;
  }

  #readRange() {
    const from = byId('f-from');
    const to = byId('f-to');
    const error = byId('f-date-error');
    const a = parseYearInput(from.value);
    const b = parseYearInput(to.value);
    const badFrom = from.value.trim() !== '' && !a;
    const badTo = to.value.trim() !== '' && !b;
    from.setAttribute('aria-invalid', String(badFrom));
    to.setAttribute('aria-invalid', String(badTo));
    error.textContent =
      badFrom || badTo ? 'Write a year such as 1917, 44 BCE, 1917-03 or 170 Ma.' : '';
    if (!a && !b) return null;
    return [a ? a[0] : -Infinity, b ? b[1] : Infinity];
  }

  #onFilter() {
    this.filter = {
      q: byId('f-q').value,
      participant: byId('f-participant').value,
      source: byId('f-source').value,
      kind: byId('f-kind').value,
      range: this.#readRange(),
    };
    this.model.applyFilter(this.filter);
    if (this.focus >= 0 && this.model.navRank[this.focus] < 0) this.focus = -1;
    this.#rebuildLanes();
    this.list.setOrder(this.model.listOrder());
    this.#updateCounts();
    if (this.model.nav.length && !this.model.countVisible(this.view.start, this.view.end)) {
      this.#fit(true);
    }
  }

  #setParticipant(name) {
    const select = byId('f-participant');
    if (![...select.options].some((o) => o.value === name)) {
      select.append(h('option', { value: name }, name));
    }
    select.value = name;
    this.#onFilter();
    this.#say(`Showing only events with ${name}.`);
  }

  #clearFilters() {
    for (const id of ['f-q', 'f-from', 'f-to']) byId(id).value = '';
    for (const id of ['f-participant', 'f-source', 'f-kind']) byId(id).value = '';
    this.#onFilter();
  }

  #updateCounts() {
    const m = this.model;
    const shown = m.listOrder().length;
    const text =
      shown === m.n
        ? `${m.n.toLocaleString('en-US')} events`
        : `${shown.toLocaleString('en-US')} of ${m.n.toLocaleString('en-US')} events match`;
    byId('f-count').textContent = text;
    byId('list-count').textContent = text;
    let undated = 0;
    for (const i of m.undated) if (m.pass[i]) undated += 1;
    const note = byId('undated-note');
    note.hidden = undated === 0;
    note.textContent =
      undated === 1 ? '1 undated event: see the list' : `${undated} undated events: see the list`;
  }

  // ---------------------------------------------------------------- modes & theme
  #showMode(mode, moveFocus = true) {
    this.mode = mode;
    const list = mode === 'list';
    byId('timeline-view').hidden = list;
    byId('list-view').hidden = !list;
    byId('show-timeline').setAttribute('aria-pressed', String(!list));
    byId('show-list').setAttribute('aria-pressed', String(list));
    if (list) this.list.activate();
    else {
      this.list.deactivate();
      this.#resize();
    }
    if (moveFocus) (list ? byId('list-heading') : this.root).focus();
    this.#writeHash();
  }

  #storedTheme() {
    try {
      return localStorage.getItem(THEME_KEY) || 'auto';
    } catch {
      return 'auto';
    }
  }

  #applyTheme(theme) {
    if (!THEMES.includes(theme)) theme = 'auto';
    this.theme = theme;
    if (theme === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
    const button = byId('theme-toggle');
    const names = { auto: 'Auto', light: 'Light', dark: 'Dark' };
    button.textContent = `Theme: ${names[theme]}`;
    this.#refreshPalette();
  }

  #refreshPalette() {
    const palette = readPalette(document.documentElement);
    this.canvas.setPalette(palette);
    this.#drawLegendIcons();
    this.requestDraw();
  }

  #buildLegend() {
    const ul = byId('legend-list');
    this.legendIcons = [];
    for (const [kind, name, text] of LEGEND) {
      const canvas = h('canvas', { class: 'legend-icon', 'aria-hidden': 'true', width: 44, height: 22 });
      this.legendIcons.push([canvas, kind]);
      ul.append(h('li', null, canvas, h('span', null, h('strong', { text: name }), ` ${text}`)));
    }
    this.#drawLegendIcons();
  }

  #drawLegendIcons() {
    if (!this.legendIcons) return;
    const palette = readPalette(document.documentElement);
    for (const [canvas, kind] of this.legendIcons) {
      const marks = new Marks(canvas.getContext('2d'), palette);
      drawLegendIcon(marks, kind, FLAG_SET);
    }
  }

  #readEras() {
    const eras = Array.isArray(this.model.data.eras) ? this.model.data.eras : [];
    const out = [];
    for (const e of eras) {
      if (!e || typeof e !== 'object') continue;
      const t0 = typeof e.start === 'number' ? e.start : dayStart(e.earliest);
      const t1 = typeof e.end === 'number' ? e.end : dayEnd(e.latest);
      if (Number.isFinite(t0) && Number.isFinite(t1) && t1 > t0) {
        out.push({ title: String(e.title || ''), t0, t1 });
      }
    }
    return out;
  }

  #resize() {
    const rect = this.root.getBoundingClientRect();
    if (rect.width < 2 || rect.height < 2) return;
    const before = this.canvas.maxLanes();
    const sameSize = rect.width === this.canvas.width && rect.height === this.canvas.height;
    if (sameSize && (window.devicePixelRatio || 1) === this.canvas.dpr) return;
    this.canvas.resize(rect.width, rect.height);
    if (this.canvas.maxLanes() !== before) this.lanes = this.model.lanes(this.lanesMode, this.canvas.maxLanes());
    this.drawNow();
  }

  // ---------------------------------------------------------------------- binding
  #bind() {
    const root = this.root;
    root.addEventListener('wheel', (e) => this.#onWheel(e), { passive: false });
    root.addEventListener('pointerdown', (e) => this.#onPointerDown(e));
    root.addEventListener('pointermove', (e) => this.#onPointerMove(e));
    root.addEventListener('pointerup', (e) => this.#onPointerUp(e));
    root.addEventListener('pointercancel', (e) => this.#onPointerUp(e, true));
    root.addEventListener('pointerleave', () => this.#hideTooltip());
    root.addEventListener('dblclick', (e) => {
      const x = e.clientX - root.getBoundingClientRect().left;
      this.zoomAt(e.shiftKey ? 0.5 : 2, x);
    });
    root.addEventListener('keydown', (e) => this.#onKey(e));
    root.addEventListener('focus', () => {
      this.requestDraw();
      if (this.focus >= 0) this.announceNext = true;
    });
    root.addEventListener('blur', () => this.requestDraw());
    new ResizeObserver(() => this.#resize()).observe(root);

    byId('zoom-in').addEventListener('click', () => this.#zoomAnimated(2));
    byId('zoom-out').addEventListener('click', () => this.#zoomAnimated(0.5));
    byId('zoom-fit').addEventListener('click', () => this.#fit(true));
    byId('pan-left').addEventListener('click', () => this.#panAnimated(-0.5));
    byId('pan-right').addEventListener('click', () => this.#panAnimated(0.5));
    byId('show-timeline').addEventListener('click', () => this.#showMode('timeline'));
    byId('show-list').addEventListener('click', () => this.#showMode('list'));
    byId('undated-note').addEventListener('click', () => {
      this.#showMode('list', false);
      const first = Array.from(this.model.undated).find((i) => this.model.pass[i]);
      const button = first === undefined ? null : this.list.reveal(first);
      if (button) {
        button.focus();
        button.scrollIntoView({ block: 'center' });
      }
    });
    byId('theme-toggle').addEventListener('click', () => {
      const next = THEMES[(THEMES.indexOf(this.theme) + 1) % THEMES.length];
      try {
        localStorage.setItem(THEME_KEY, next);
      } catch {
        /* private mode: the choice lasts for this page only */
      }
      this.#applyTheme(next);
    });
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
      this.#refreshPalette();
    });
    byId('detail-close').addEventListener('click', () => this.closeDetail());
    byId('detail-back').addEventListener('click', () => this.#back());
    this.detail.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        this.closeDetail();
      }
    });
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && !this.detail.hidden && !e.defaultPrevented) {
        this.closeDetail();
      }
    });

    const onFilter = debounce(() => this.#onFilter(), 120);
    for (const id of ['f-q', 'f-from', 'f-to']) byId(id).addEventListener('input', onFilter);
    for (const id of ['f-participant', 'f-source', 'f-kind']) {
      byId(id).addEventListener('change', () => this.#onFilter());
    }
    byId('f-lanes').addEventListener('change', (e) => {
      this.lanesMode = e.target.value;
      this.#rebuildLanes();
    });
    byId('f-reset').addEventListener('click', () => {
      this.#clearFilters();
      byId('f-q').focus();
    });
    window.addEventListener('hashchange', () => this.#applyHash(false));
    window.addEventListener('beforeprint', () => this.list.growAll());
  }

  #zoomAnimated(factor) {
    const { start, end } = this.view;
    const span = end - start;
    const m = this.model;
    let centre = (start + end) / 2;
    if (this.focus >= 0 && m.pos[this.focus] >= start && m.pos[this.focus] <= end) {
      centre = m.pos[this.focus];
    }
    const next = clamp(span / factor, MIN_SPAN, MAX_SPAN);
    const frac = (centre - start) / span;
    this.animateTo(centre - frac * next, centre + (1 - frac) * next);
  }

  #zoomAnimatedAt(factor, x) {
    const { start, end } = this.view;
    const span = end - start;
    const t = start + (x / this.canvas.width) * span;
    const next = clamp(span / factor, MIN_SPAN, MAX_SPAN);
    const frac = x / this.canvas.width;
    this.animateTo(t - frac * next, t + (1 - frac) * next);
  }

  #panAnimated(fraction) {
    const span = this.view.end - this.view.start;
    this.animateTo(this.view.start + span * fraction, this.view.end + span * fraction);
  }

  #onKey(e) {
    let handled = true;
    switch (e.key) {
      case 'ArrowRight':
      case 'ArrowLeft': {
        const dir = e.key === 'ArrowRight' ? 1 : -1;
        if (e.shiftKey || e.altKey) this.#panAnimated(0.2 * dir);
        else this.#moveFocus(dir);
        break;
      }
      case 'PageDown':
        this.#panAnimated(0.8);
        break;
      case 'PageUp':
        this.#panAnimated(-0.8);
        break;
      case '+':
      case '=':
        this.#zoomAnimated(2);
        break;
      case '-':
      case '_':
        this.#zoomAnimated(0.5);
        break;
      case '0':
        this.#fit(true);
        break;
      case 'Home':
        if (this.model.nav.length) this.#focusRank(0);
        break;
      case 'End':
        if (this.model.nav.length) this.#focusRank(this.model.nav.length - 1);
        break;
      case 'Enter':
        this.#activate(false);
        break;
      case ' ':
        this.#activate(true);
        break;
      case 'Escape':
        if (!this.detail.hidden) this.closeDetail();
        else if (this.focus >= 0) {
          this.focus = -1;
          this.requestDraw();
        } else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) e.preventDefault();
  }

  #onWheel(e) {
    e.preventDefault();
    const rect = this.root.getBoundingClientRect();
    const x = e.clientX - rect.left;
    const unit = e.deltaMode === 1 ? 16 : e.deltaMode === 2 ? rect.width : 1;
    const dx = e.deltaX * unit;
    const dy = e.deltaY * unit;
    if (!e.ctrlKey && (Math.abs(dx) > Math.abs(dy) || e.shiftKey)) {
      const px = Math.abs(dx) > Math.abs(dy) ? dx : dy;
      this.panBy((px / this.canvas.width) * (this.view.end - this.view.start));
    } else {
      const speed = e.ctrlKey ? 0.01 : 0.0022;
      this.zoomAt(Math.exp(-dy * speed), x);
    }
    this.#hideTooltip();
  }

  #local(e) {
    const rect = this.root.getBoundingClientRect();
    return { x: e.clientX - rect.left, y: e.clientY - rect.top };
  }

  #onPointerDown(e) {
    if (e.button !== 0 && e.pointerType === 'mouse') return;
    this.root.setPointerCapture(e.pointerId);
    const p = this.#local(e);
    this.pointers.set(e.pointerId, p);
    cancelAnimationFrame(this.anim);
    if (this.pointers.size === 1) {
      this.gesture = { kind: 'pan', x: p.x, startX: p.x, startY: p.y, moved: 0, view: { ...this.view } };
    } else if (this.pointers.size === 2) {
      const [a, b] = Array.from(this.pointers.values());
      this.gesture = {
        kind: 'pinch',
        dist: Math.max(10, Math.abs(a.x - b.x)),
        mid: (a.x + b.x) / 2,
        view: { ...this.view },
        moved: 99,
      };
    }
  }

  #onPointerMove(e) {
    const p = this.#local(e);
    if (!this.pointers.has(e.pointerId)) {
      if (e.pointerType === 'mouse') this.#hover(p);
      return;
    }
    this.pointers.set(e.pointerId, p);
    const g = this.gesture;
    if (!g) return;
    const W = this.canvas.width;
    const span = g.view.end - g.view.start;
    if (g.kind === 'pan') {
      g.moved = Math.max(g.moved, Math.hypot(p.x - g.startX, p.y - g.startY));
      if (g.moved < 3) return;
      this.root.classList.add('dragging');
      const dt = ((p.x - g.startX) / W) * span;
      this.setView(g.view.start - dt, g.view.end - dt);
      this.#hideTooltip();
    } else if (g.kind === 'pinch' && this.pointers.size >= 2) {
      const [a, b] = Array.from(this.pointers.values());
      const dist = Math.max(10, Math.abs(a.x - b.x));
      const mid = (a.x + b.x) / 2;
      const next = clamp(span * (g.dist / dist), MIN_SPAN, MAX_SPAN);
      const anchor = g.view.start + (g.mid / W) * span;
      const s = anchor - (mid / W) * next;
      this.setView(s, s + next);
    }
  }

  #onPointerUp(e, cancelled = false) {
    const g = this.gesture;
    this.pointers.delete(e.pointerId);
    this.root.classList.remove('dragging');
    if (this.pointers.size === 1 && g && g.kind === 'pinch') {
      const [p] = Array.from(this.pointers.values());
      this.gesture = { kind: 'pan', x: p.x, startX: p.x, startY: p.y, moved: 99, view: { ...this.view } };
      return;
    }
    this.gesture = null;
    if (cancelled || !g || g.kind !== 'pan' || g.moved >= 4) return;
    const p = this.#local(e);
    const hit = this.canvas.hitTest(p.x, p.y);
    if (!hit) return;
    if (hit.kind === 'event') {
      this.focus = this.model.navRank[hit.i] >= 0 ? hit.i : this.focus;
      this.openEvent(hit.i, { returnFocus: this.root });
    } else if (hit.kind === 'overflow') {
      this.#zoomAnimatedAt(3, p.x);
    } else if (hit.kind === 'cluster') {
      if (!this.#zoomIntoCluster(hit)) {
        this.#openGroup(Array.from(hit.lane.points.subarray(hit.from, hit.to)));
      }
    }
  }

  #hover(p) {
    const hit = this.canvas.hitTest(p.x, p.y);
    this.root.classList.toggle('over-item', Boolean(hit));
    if (!hit || p.y < AXIS_H) {
      this.#hideTooltip();
      return;
    }
    const m = this.model;
    let lines;
    if (hit.kind === 'event') {
      lines = [m.title(hit.i), dateText(m, hit.i)];
      if (m.conflictsOf.has(hit.i)) lines.push('Sources disagree');
    } else if (hit.kind === 'overflow') {
      lines = [`${hit.count.toLocaleString('en-US')} more periods`, 'Too many overlap to draw at this zoom', 'Click to zoom in'];
    } else {
      lines = [
        `${hit.count.toLocaleString('en-US')} events`,
        describeRange(hit.t0, Math.max(hit.t1, hit.t0 + DAY)),
        'Click to zoom in',
      ];
    }
    const tip = this.tooltip;
    tip.replaceChildren(
      h('strong', { text: lines[0] }),
      ...lines.slice(1).map((line) => h('span', { text: line })),
    );
    tip.hidden = false;
    const W = this.canvas.width;
    const tw = tip.offsetWidth;
    const x = clamp(p.x + 14, 4, W - tw - 4);
    const y = p.y + 18 + tip.offsetHeight > this.canvas.height ? p.y - tip.offsetHeight - 12 : p.y + 18;
    tip.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
  }

  #hideTooltip() {
    this.tooltip.hidden = true;
  }
}

// ------------------------------------------------------------------------------ start
const api = {
  frameTimes: [],
  timings: null,
  view: () => ({ start: NaN, end: NaN }),
  setView: () => {},
  zoom: () => {},
  pan: () => {},
  openEvent: () => false,
  visibleCount: () => 0,
  axisLabels: () => ({ major: [], context: [] }),
  flush: () => {},
};
window.chronologistViewer = api;
api.ready = new Promise((resolve, reject) => {
  const start = () => {
    let viewer;
    try {
      viewer = new Viewer(api);
    } catch (error) {
      const box = byId('viewer-error');
      if (box) {
        box.hidden = false;
        box.textContent = `The interactive timeline could not start: ${error && error.message}`;
      }
      reject(error);
      return;
    }
    api.view = () => ({ start: viewer.view.start, end: viewer.view.end });
    api.setView = (s, e) => viewer.setView(Number(s), Number(e));
    api.zoom = (factor) => viewer.zoomAt(Number(factor));
    api.pan = (years) => viewer.panBy(Number(years));
    api.openEvent = (id) => {
      const i = viewer.model.indexOf(id);
      if (i === undefined) return false;
      viewer.openEvent(i, { moveFocus: false, returnFocus: viewer.root });
      return true;
    };
    api.visibleCount = () => viewer.model.countVisible(viewer.view.start, viewer.view.end);
    api.flush = () => {
      if (viewer.drawPending) viewer.drawNow();
    };
    api.axisLabels = () => {
      viewer.drawNow();
      const ticks = viewer.canvas.lastTicks;
      return {
        major: ticks.major.filter((t) => t.label).map((t) => t.label),
        context: ticks.context.map((t) => t.label),
      };
    };
    document.documentElement.classList.add('viewer-ready');
    resolve(api);
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
});
api.ready.catch(() => {});
