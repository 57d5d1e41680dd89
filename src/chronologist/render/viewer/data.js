// The timeline data in typed arrays: positions, flags, time order, filters and lanes.
import { dayEnd, dayStart } from './time.js';

export const F_PERIOD = 1;
export const F_APPROX = 2;
export const F_UNCERTAIN = 4;
export const F_OPEN_START = 8;
export const F_OPEN_END = 16;
export const F_UNKNOWN_START = 32;
export const F_UNKNOWN_END = 64;
export const F_ORDER = 128;
export const F_CONFLICT = 256;
export const F_DATED = 512;

const NO_PARTICIPANT = '\u0000none';
const OTHER = '\u0000other';

/** Index of the first element of ``arr[lo:hi]`` that is >= x (arr sorted ascending). */
export function lowerBound(arr, x, lo = 0, hi = arr.length) {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element of ``arr[lo:hi]`` that is > x. */
export function upperBound(arr, x, lo = 0, hi = arr.length) {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function text(value) {
  return typeof value === 'string' ? value : '';
}

function list(value) {
  return Array.isArray(value) ? value : [];
}

// The columns of an event row (``EVENT_FIELDS`` in viewer.py; see its docstring).
const FIELDS = [
  'id', 'title', 'kind', 'edtf', 'earliest', 'latest', 'flags', 'basis', 'display',
  'participants', 'evidence', 'date_text', 'description', 'link', 'media', 'calendar',
];
const C_ID = 0;
const C_TITLE = 1;
const C_KIND = 2;
const C_EDTF = 3;
const C_EARLIEST = 4;
const C_LATEST = 5;
const C_FLAGS = 6;
const C_BASIS = 7;
const C_DISPLAY = 8;
const C_PEOPLE = 9;
const C_EVIDENCE = 10;
const C_DATE_TEXT = 11;
const C_DESCRIPTION = 12;
const C_LINK = 13;
const C_MEDIA = 14;
const C_CALENDAR = 15;

const offsetTables = new Map();

/** Evidence offsets count code points (as Python does); JavaScript strings count UTF-16. */
export function utf16Offset(source, cp) {
  if (!/[\ud800-\udfff]/.test(source)) return Math.min(cp, source.length);
  let table = offsetTables.get(source);
  if (!table) {
    const offsets = [];
    for (let k = 0; k < source.length; k += 1) {
      offsets.push(k);
      const c = source.charCodeAt(k);
      if (c >= 0xd800 && c <= 0xdbff && k + 1 < source.length) k += 1;
    }
    offsets.push(source.length);
    table = Uint32Array.from(offsets);
    offsetTables.set(source, table);
  }
  return table[Math.min(Math.max(0, cp), table.length - 1)];
}

export class Model {
  constructor(data) {
    this.data = data && typeof data === 'object' ? data : {};
    const fields = list(this.data.fields);
    if (fields.length && fields.join() !== FIELDS.join()) {
      throw new Error('This page was written by another version of chronologist.');
    }
    this.rows = list(this.data.events).filter(Array.isArray);
    this.sources = list(this.data.sources).filter((s) => s && typeof s === 'object');
    this.conflicts = list(this.data.conflicts).filter((c) => c && typeof c === 'object');
    this.people = list(this.data.participants).filter(Array.isArray);
    this.bases = list(this.data.bases);
    const n = this.rows.length;
    this.n = n;
    this.t0 = new Float64Array(n); // start (float year); the known end when open or unknown
    this.t1 = new Float64Array(n); // end (exclusive); the known start when open or unknown
    this.pos = new Float64Array(n); // where it is drawn: an event's middle, a period's start
    this.flags = new Uint16Array(n);
    this.ids = null; // id -> index, built on first use
    this.sourceById = new Map();
    for (const s of this.sources) this.sourceById.set(text(s.id), s);
    this.conflictById = new Map();
    this.conflictsOf = new Map(); // event index -> [conflict]
    const peopleCounts = new Uint32Array(this.people.length);
    this.sourceCounts = new Map();
    const perSource = new Map();
    for (let i = 0; i < n; i += 1) {
      this.#read(i);
      const row = this.rows[i];
      const people = row[C_PEOPLE];
      if (Array.isArray(people)) for (const k of people) if (this.people[k]) peopleCounts[k] += 1;
      const evidence = row[C_EVIDENCE];
      if (!Array.isArray(evidence)) continue;
      for (let k = 0; k < evidence.length; k += 1) {
        const ref = Array.isArray(evidence[k]) ? evidence[k][0] : undefined;
        let seen = false;
        for (let j = 0; j < k && !seen; j += 1) seen = Array.isArray(evidence[j]) && evidence[j][0] === ref;
        if (!seen && ref !== undefined) perSource.set(ref, (perSource.get(ref) || 0) + 1);
      }
    }
    for (const [ref, count] of perSource) {
      const src = this.source(ref);
      const id = src ? text(src.id) : text(ref);
      if (id) this.sourceCounts.set(id, (this.sourceCounts.get(id) || 0) + count);
    }
    this.participantCounts = new Map();
    this.people.forEach((p, k) => {
      const name = text(p[0]);
      if (name && peopleCounts[k]) {
        this.participantCounts.set(name, (this.participantCounts.get(name) || 0) + peopleCounts[k]);
      }
    });
    for (const c of this.conflicts) {
      this.conflictById.set(text(c.id), c);
      for (const id of new Set(list(c.events))) {
        const i = this.indexOf(id);
        if (i === undefined) continue;
        this.flags[i] |= F_CONFLICT;
        if (!this.conflictsOf.has(i)) this.conflictsOf.set(i, []);
        this.conflictsOf.get(i).push(c);
      }
    }
    const dated = [];
    const undated = [];
    for (let i = 0; i < n; i += 1) {
      if (this.flags[i] & F_DATED) dated.push(i);
      else undated.push(i);
    }
    const { pos, t0, t1 } = this;
    dated.sort((a, b) => pos[a] - pos[b] || t0[a] - t0[b] || t1[a] - t1[b] || a - b);
    this.order = Uint32Array.from(dated); // dated events and periods in time order
    this.undated = Uint32Array.from(undated); // in source order
    const byStart = dated.filter((i) => this.flags[i] & F_PERIOD);
    byStart.sort((a, b) => t0[a] - t0[b] || t1[a] - t1[b] || a - b);
    this.periodOrder = Uint32Array.from(byStart);
    this.pass = new Uint8Array(n).fill(1);
    this.haystack = null;
    this.applyFilter({});
  }

  #read(i) {
    const row = this.rows[i];
    const edtf = text(row[C_EDTF]);
    const earliest = row[C_EARLIEST] === 0 ? edtf : row[C_EARLIEST];
    const latest = row[C_LATEST] === 0 ? earliest : row[C_LATEST];
    const q = row[C_FLAGS] | 0;
    let flags = row[C_KIND] === 1 ? F_PERIOD : 0;
    if (q & 1) flags |= F_APPROX;
    if (q & 2) flags |= F_UNCERTAIN;
    if (this.bases[row[C_BASIS]] === 'order') flags |= F_ORDER;
    const a = dayStart(earliest);
    const b = dayEnd(latest);
    const hasA = Number.isFinite(a);
    const hasB = Number.isFinite(b);
    if (hasA || hasB) {
      flags |= F_DATED;
      if (!hasA) flags |= edtf.startsWith('..') ? F_OPEN_START : F_UNKNOWN_START;
      if (!hasB) flags |= edtf.endsWith('/..') ? F_OPEN_END : F_UNKNOWN_END;
      // An open or unknown side collapses onto the known one: "before 1917" is filed at
      // 1917 (filters, counts, order); only its drawing fades out toward the open side.
      this.t0[i] = hasA ? a : b;
      this.t1[i] = hasB ? b : a;
      let p;
      if (flags & F_PERIOD) p = hasA ? a : b;
      else if (hasA && hasB) p = (a + b) / 2;
      else p = hasA ? a : b;
      this.pos[i] = p;
    } else {
      this.t0[i] = NaN;
      this.t1[i] = NaN;
      this.pos[i] = NaN;
    }
    this.flags[i] = flags;
  }

  /** The index of the event with this id (the first, if ids repeat), or undefined. */
  indexOf(id) {
    if (!this.ids) {
      this.ids = new Map();
      for (let i = this.n - 1; i >= 0; i -= 1) this.ids.set(text(this.rows[i][C_ID]), i);
    }
    return this.ids.get(String(id));
  }

  /** The source an evidence row points to: by index, or by id. */
  source(ref) {
    if (typeof ref === 'number') return this.sources[ref] || null;
    return this.sourceById.get(ref) || null;
  }

  /** An event as an object, in our timeline JSON's shape (built on demand). */
  event(i) {
    const row = this.rows[i];
    const edtf = text(row[C_EDTF]);
    const earliest = row[C_EARLIEST] === 0 ? edtf : row[C_EARLIEST] || null;
    const latest = row[C_LATEST] === 0 ? earliest : row[C_LATEST] || null;
    const q = row[C_FLAGS] | 0;
    return {
      id: text(row[C_ID]),
      title: text(row[C_TITLE]),
      kind: row[C_KIND] === 1 ? 'period' : 'event',
      when: {
        edtf: edtf || null,
        earliest,
        latest,
        approximate: Boolean(q & 1),
        uncertain: Boolean(q & 2),
        basis: text(this.bases[row[C_BASIS]]) || 'none',
        calendar: text(row[C_CALENDAR]) || 'gregorian',
      },
      display: text(row[C_DISPLAY]),
      participants: list(row[C_PEOPLE])
        .map((k) => this.people[k])
        .filter(Boolean)
        .map((p) => ({ name: text(p[0]), kind: text(p[1]), aliases: list(p[2]).map(text) })),
      evidence: list(row[C_EVIDENCE]).filter(Array.isArray).map((e) => this.#evidence(e)),
      date_text: typeof row[C_DATE_TEXT] === 'string' ? row[C_DATE_TEXT] : null,
      description: text(row[C_DESCRIPTION]),
      link: text(row[C_LINK]) || null,
      media: text(row[C_MEDIA]) || null,
    };
  }

  #evidence(e) {
    const src = this.source(e[0]);
    const start = Number(e[1]) || 0;
    const end = Number(e[2]) || 0;
    let quote = e[3];
    if (typeof quote !== 'string') {
      const body = src ? text(src.text) : '';
      quote = body.slice(utf16Offset(body, start), utf16Offset(body, end));
    }
    return { source: src ? text(src.id) : text(e[0]), start, end, quote };
  }

  title(i) {
    return text(this.rows[i][C_TITLE]) || text(this.rows[i][C_ID]) || '(untitled)';
  }

  display(i) {
    return text(this.rows[i][C_DISPLAY]) || text(this.rows[i][C_EDTF]);
  }

  participantsOf(i) {
    const out = [];
    for (const k of list(this.rows[i][C_PEOPLE])) {
      const p = this.people[k];
      if (p && text(p[0])) out.push(p[0]);
    }
    return out;
  }

  sourcesOf(i) {
    const ids = new Set();
    for (const e of list(this.rows[i][C_EVIDENCE])) {
      if (!Array.isArray(e)) continue;
      const src = this.source(e[0]);
      const id = src ? text(src.id) : text(e[0]);
      if (id) ids.add(id);
    }
    return ids;
  }

  sourceTitle(id) {
    const s = this.sourceById.get(id);
    return (s && text(s.title)) || id;
  }

  #buildHaystack() {
    this.haystack = new Array(this.n);
    for (let i = 0; i < this.n; i += 1) {
      const ev = this.event(i);
      const parts = [ev.title, ev.description, ev.display, ev.date_text || ''];
      for (const p of ev.participants) parts.push(p.name, ...p.aliases);
      for (const e of ev.evidence) parts.push(e.quote);
      this.haystack[i] = parts.join('\n').toLowerCase();
    }
  }

  /** Apply filters; returns how many events pass. */
  applyFilter(f) {
    const terms = String(f.q || '').toLowerCase().split(/\s+/).filter(Boolean);
    if (terms.length && !this.haystack) this.#buildHaystack();
    const range = f.range; // [from, to) float years or null
    let count = 0;
    for (let i = 0; i < this.n; i += 1) {
      const flags = this.flags[i];
      let ok = true;
      if (f.kind === 'event' && flags & F_PERIOD) ok = false;
      else if (f.kind === 'period' && !(flags & F_PERIOD)) ok = false;
      if (ok && range) {
        if (!(flags & F_DATED)) ok = false;
        else if (this.t1[i] <= range[0] || this.t0[i] >= range[1]) ok = false;
      }
      if (ok && f.participant && !this.participantsOf(i).includes(f.participant)) ok = false;
      if (ok && f.source && !this.sourcesOf(i).has(f.source)) ok = false;
      if (ok && terms.length) {
        const hay = this.haystack[i];
        for (const t of terms) {
          if (!hay.includes(t)) {
            ok = false;
            break;
          }
        }
      }
      this.pass[i] = ok ? 1 : 0;
      if (ok) count += 1;
    }
    this.#buildNavigation();
    return count;
  }

  #buildNavigation() {
    const nav = [];
    for (const i of this.order) if (this.pass[i]) nav.push(i);
    this.nav = Uint32Array.from(nav);
    this.navPos = new Float64Array(nav.length);
    for (let r = 0; r < nav.length; r += 1) this.navPos[r] = this.pos[nav[r]];
    this.navRank = new Int32Array(this.n).fill(-1);
    for (let r = 0; r < nav.length; r += 1) this.navRank[nav[r]] = r;
    this.all = this.#lane('all', 'All events', nav);
  }

  /** Filtered events in list order: dated in time order, then undated. */
  listOrder() {
    const out = Array.from(this.nav);
    for (const i of this.undated) if (this.pass[i]) out.push(i);
    return out;
  }

  #lane(key, label, indices) {
    const { flags, pos, t0, t1 } = this;
    const points = [];
    const inLane = new Uint8Array(this.n);
    for (const i of indices) {
      if (flags[i] & F_PERIOD) inLane[i] = 1;
      else points.push(i);
    }
    const periods = [];
    for (const i of this.periodOrder) if (inLane[i]) periods.push(i);
    const np = points.length;
    const pts = Uint32Array.from(points);
    const ppos = new Float64Array(np);
    const pconf = new Uint32Array(np + 1);
    for (let k = 0; k < np; k += 1) {
      ppos[k] = pos[points[k]];
      pconf[k + 1] = pconf[k] + (flags[points[k]] & F_CONFLICT ? 1 : 0);
    }
    const per = Uint32Array.from(periods);
    const pt0 = new Float64Array(periods.length);
    const pmax = new Float64Array(periods.length);
    let m = -Infinity;
    for (let k = 0; k < periods.length; k += 1) {
      pt0[k] = t0[periods[k]];
      m = Math.max(m, t1[periods[k]]);
      pmax[k] = m;
    }
    return { key, label, count: indices.length, points: pts, ppos, pconf, periods: per, pt0, pmax };
  }

  /**
   * Lanes for a mode ("none", "participant", "source"): at most ``maxLanes``, the rest of
   * the groups merged into one "Other" lane. An event appears in each lane it belongs to.
   */
  lanes(mode, maxLanes) {
    if (mode !== 'participant' && mode !== 'source') return [this.all];
    const groupsOf = (i) =>
      mode === 'participant' ? this.participantsOf(i) : Array.from(this.sourcesOf(i));
    const counts = new Map();
    let none = 0;
    for (const i of this.nav) {
      const groups = new Set(groupsOf(i));
      if (!groups.size) none += 1;
      for (const g of groups) counts.set(g, (counts.get(g) || 0) + 1);
    }
    const ranked = Array.from(counts.entries()).sort(
      (a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0),
    );
    const extra = none ? 1 : 0;
    const kept =
      ranked.length + extra <= maxLanes
        ? ranked
        : ranked.slice(0, Math.max(1, maxLanes - 1 - extra));
    const keptSet = new Set(kept.map(([g]) => g));
    const members = new Map(kept.map(([g]) => [g, []]));
    members.set(OTHER, []);
    members.set(NO_PARTICIPANT, []);
    for (const i of this.nav) {
      const groups = new Set(groupsOf(i));
      if (!groups.size) {
        members.get(NO_PARTICIPANT).push(i);
        continue;
      }
      let other = false;
      for (const g of groups) {
        if (keptSet.has(g)) members.get(g).push(i);
        else other = true;
      }
      if (other) members.get(OTHER).push(i);
    }
    const lanes = [];
    for (const [g] of kept) {
      const label = mode === 'source' ? this.sourceTitle(g) : g;
      lanes.push(this.#lane(g, label, members.get(g)));
    }
    const rest = ranked.length - kept.length;
    if (members.get(OTHER).length) {
      const what = mode === 'source' ? 'sources' : 'participants';
      lanes.push(this.#lane(OTHER, `${rest} other ${what}`, members.get(OTHER)));
    }
    if (members.get(NO_PARTICIPANT).length) {
      const label = mode === 'source' ? 'No source' : 'No participant';
      lanes.push(this.#lane(NO_PARTICIPANT, label, members.get(NO_PARTICIPANT)));
    }
    return lanes.length ? lanes : [this.all];
  }

  /** How many lanes a mode would like: its groups, plus one for events in none. */
  groupCount(mode) {
    if (mode !== 'participant' && mode !== 'source') return 1;
    const groups = new Set();
    let none = 0;
    for (const i of this.nav) {
      const g = mode === 'participant' ? this.participantsOf(i) : Array.from(this.sourcesOf(i));
      if (!g.length) none = 1;
      for (const x of g) groups.add(x);
    }
    return groups.size + none;
  }

  /** How many filtered, dated events and periods overlap [v0, v1]. */
  countVisible(v0, v1) {
    const lane = this.all;
    let count = upperBound(lane.ppos, v1) - lowerBound(lane.ppos, v0);
    const hi = upperBound(lane.pt0, v1);
    for (let k = hi - 1; k >= 0 && lane.pmax[k] >= v0; k -= 1) {
      if (this.t1[lane.periods[k]] >= v0) count += 1;
    }
    return count;
  }
}
