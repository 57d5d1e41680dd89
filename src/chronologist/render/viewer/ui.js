// DOM for everything that is not the canvas: detail panel, citations, conflicts, list view.
//
// Every text from the data goes into the page through textContent or createTextNode: no
// markup is ever built from a string, so no source text can become HTML.
import {
  F_APPROX,
  F_CONFLICT,
  F_DATED,
  F_OPEN_END,
  F_OPEN_START,
  F_ORDER,
  F_PERIOD,
  F_UNCERTAIN,
  F_UNKNOWN_END,
  F_UNKNOWN_START,
  utf16Offset,
} from './data.js';

/** Create an element: attributes are set as properties or attributes, never as markup. */
export function h(tag, attrs, ...children) {
  const node = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key === 'class') node.className = value;
      else if (key === 'text') node.textContent = value;
      else if (key.startsWith('on') && typeof value === 'function') {
        node.addEventListener(key.slice(2), value);
      } else if (key === 'dataset') Object.assign(node.dataset, value);
      else node.setAttribute(key, value === true ? '' : String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

/**
 * A link target we are willing to make clickable: an absolute http(s) URL, or a relative
 * path to a file beside the page. Anything with another scheme (javascript:, data:, ...),
 * protocol-relative or absolute paths are refused (null).
 */
export function safeHref(value) {
  if (typeof value !== 'string') return null;
  const raw = value.trim();
  if (!raw || /[\u0000-\u001f\u007f\\]/.test(raw)) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(raw)) {
    if (/[\s"'<>`]/.test(raw)) return null;
    let url;
    try {
      url = new URL(raw);
    } catch {
      return null;
    }
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  }
  if (raw.startsWith('/') || raw.startsWith('#') || raw.startsWith('?')) return null;
  return raw
    .split('/')
    .map((part) => encodeURIComponent(decodeSafely(part)))
    .join('/');
}

function decodeSafely(part) {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}

// ------------------------------------------------------------------------ snippets
/**
 * A window of about ``size`` characters of the source around the cited span, with the quote
 * in <mark>. Falls back to finding the quote when the offsets do not match the text.
 */
export function snippet(sourceText, evidence, size = 200) {
  const quote = typeof evidence.quote === 'string' ? evidence.quote : '';
  const text = typeof sourceText === 'string' ? sourceText : '';
  let a = utf16Offset(text, Number(evidence.start) || 0);
  let b = utf16Offset(text, Number(evidence.end) || 0);
  if (text.slice(a, b) !== quote) {
    const found = quote ? text.indexOf(quote) : -1;
    if (found < 0) return h('span', { class: 'snippet' }, h('mark', { text: quote }));
    a = found;
    b = found + quote.length;
  }
  const room = Math.max(40, Math.floor((size - (b - a)) / 2));
  let s = Math.max(0, a - room);
  let e = Math.min(text.length, b + room);
  if (s > 0) {
    const space = text.indexOf(' ', s);
    if (space > 0 && space < a) s = space + 1;
  }
  if (e < text.length) {
    const space = text.lastIndexOf(' ', e);
    if (space > b) e = space;
  }
  return h(
    'span',
    { class: 'snippet' },
    s > 0 ? '… ' : '',
    text.slice(s, a),
    h('mark', { text: text.slice(a, b) }),
    text.slice(b, e),
    e < text.length ? ' …' : '',
  );
}

// ---------------------------------------------------------------------- descriptions
const BASIS = {
  explicit: 'Date written in the source.',
  relative: 'Date worked out from a relative phrase (such as “two years later”).',
  contextual: 'Date carried over from the dates around it in the source.',
  order: 'Date inferred from the order of the narrative, not written in the source.',
  none: 'Nothing in the sources dates this event.',
};

export function qualifiers(model, i) {
  const f = model.flags[i];
  const out = [];
  if (f & F_APPROX) out.push('approximate');
  if (f & F_UNCERTAIN) out.push('uncertain');
  if (f & F_OPEN_START) out.push('open start');
  if (f & F_OPEN_END) out.push('open end');
  if (f & F_UNKNOWN_START) out.push('unknown start');
  if (f & F_UNKNOWN_END) out.push('unknown end');
  if (f & F_ORDER) out.push('inferred from order');
  return out;
}

export function dateText(model, i) {
  return model.flags[i] & F_DATED ? model.display(i) || 'dated' : 'Undated';
}

function citation(model, ev) {
  const source = model.source(ev.source) || {};
  const title = model.sourceTitle(ev.source);
  const href = safeHref(source.url) || safeHref(source.path);
  const where = h(
    'p',
    { class: 'cite-source' },
    '— ',
    href
      ? h('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, h('cite', { text: title }))
      : h('cite', { text: title }),
    h('span', { class: 'offsets', text: ` (characters ${ev.start}–${ev.end})` }),
  );
  if (!href && (source.url || source.path)) {
    where.append(h('span', { class: 'offsets', text: ` ${source.url || source.path}` }));
  }
  return h(
    'figure',
    { class: 'citation' },
    h('blockquote', null, snippet(source.text, ev)),
    h('figcaption', null, where),
  );
}

function section(title, ...children) {
  return h('section', { class: 'panel-section' }, h('h3', { text: title }), ...children);
}

/** The detail panel's content for one event. */
export function eventDetails(model, i, actions) {
  const ev = model.event(i);
  const f = model.flags[i];
  const out = [];
  const kind = f & F_PERIOD ? 'Period' : 'Event';
  out.push(h('p', { class: 'eyebrow', text: kind }));
  out.push(h('h2', { id: 'detail-title', tabindex: '-1', text: model.title(i) }));
  const date = h('p', { class: 'detail-date' }, dateText(model, i));
  out.push(date);
  const dl = h('dl', { class: 'facts' });
  const fact = (term, value) => {
    if (!value) return;
    dl.append(h('dt', { text: term }), h('dd', null, value));
  };
  fact('As written', typeof ev.date_text === 'string' ? `“${ev.date_text}”` : '');
  const when = ev.when && typeof ev.when === 'object' ? ev.when : {};
  fact('EDTF', typeof when.edtf === 'string' && when.edtf ? h('code', { text: when.edtf }) : '');
  const q = qualifiers(model, i);
  fact('Certainty', q.length ? q.join(', ') : f & F_DATED ? 'as written' : '');
  fact('How dated', BASIS[when.basis] || '');
  if (when.calendar === 'julian') fact('Calendar', 'Julian (Old Style) as written');
  out.push(dl);
  if (typeof ev.description === 'string' && ev.description) {
    out.push(h('p', { class: 'description', text: ev.description }));
  }
  const people = Array.isArray(ev.participants) ? ev.participants : [];
  if (people.length) {
    out.push(
      section(
        'Participants',
        h(
          'ul',
          { class: 'chips' },
          people.map((p) =>
            h(
              'li',
              null,
              h(
                'button',
                {
                  type: 'button',
                  class: 'chip',
                  title: 'Show only events with this participant',
                  onclick: () => actions.filterParticipant(String(p.name || '')),
                },
                String(p.name || ''),
                p.kind ? h('span', { class: 'chip-kind', text: ` · ${p.kind}` }) : '',
              ),
            ),
          ),
        ),
      ),
    );
  }
  const conflicts = model.conflictsOf.get(i) || [];
  if (conflicts.length) {
    out.push(
      h(
        'section',
        { class: 'panel-section conflict-note' },
        h('h3', { text: 'Sources disagree' }),
        conflicts.map((c) =>
          h(
            'p',
            null,
            h('span', { class: 'badge badge-conflict', 'aria-hidden': 'true', text: '!' }),
            ' ',
            h('button', {
              type: 'button',
              class: 'link-button',
              onclick: () => actions.openConflict(String(c.id || '')),
              text: `Compare: ${c.topic || c.id}`,
            }),
          ),
        ),
      ),
    );
  }
  const evidence = Array.isArray(ev.evidence) ? ev.evidence : [];
  if (evidence.length) {
    out.push(
      section(
        evidence.length === 1 ? 'Citation' : `Citations (${evidence.length})`,
        evidence.map((e) => citation(model, e)),
      ),
    );
  }
  const links = [];
  const link = safeHref(ev.link);
  if (link && /^https?:/.test(link)) {
    links.push(h('a', { href: link, rel: 'noopener noreferrer nofollow', target: '_blank', text: 'Link' }));
  }
  const media = safeHref(ev.media);
  if (media && /^https?:/.test(media)) {
    links.push(h('a', { href: media, rel: 'noopener noreferrer nofollow', target: '_blank', text: 'Media' }));
  }
  if (links.length) out.push(h('p', { class: 'links' }, links));
  return out;
}

/** The detail panel's content for a conflict: every side's claim with its citations. */
export function conflictDetails(model, conflict, actions) {
  const out = [];
  out.push(h('p', { class: 'eyebrow eyebrow-conflict', text: 'Sources disagree' }));
  out.push(
    h('h2', { id: 'detail-title', tabindex: '-1', text: String(conflict.topic || conflict.id || '') }),
  );
  out.push(
    h('p', {
      class: 'muted',
      text:
        conflict.kind === 'date'
          ? 'The sources give different dates. Every side is kept, with its citations.'
          : 'The sources make claims that contradict each other. Every side is kept.',
    }),
  );
  const events = (Array.isArray(conflict.events) ? conflict.events : []).filter(
    (id) => model.indexOf(id) !== undefined,
  );
  if (events.length) {
    out.push(
      section(
        'Events',
        h(
          'ul',
          { class: 'plain' },
          events.map((id) => {
            const i = model.indexOf(id);
            return h(
              'li',
              null,
              h('button', {
                type: 'button',
                class: 'link-button',
                onclick: () => actions.openEvent(i),
                text: model.title(i),
              }),
              h('span', { class: 'muted', text: ` — ${dateText(model, i)}` }),
            );
          }),
        ),
      ),
    );
  }
  const sides = Array.isArray(conflict.sides) ? conflict.sides : [];
  out.push(
    h(
      'ol',
      { class: 'sides' },
      sides.map((side, k) =>
        h(
          'li',
          { class: 'side' },
          h('h3', null, h('span', { class: 'side-label', text: `Side ${k + 1}: ` }), String(side.claim || '')),
          (Array.isArray(side.evidence) ? side.evidence : []).map((e) => citation(model, e)),
        ),
      ),
    ),
  );
  return out;
}

/** Title, date and count line for a group of events too close to tell apart. */
export function groupDetails(model, indices, actions) {
  const out = [];
  out.push(h('p', { class: 'eyebrow', text: 'Group' }));
  out.push(
    h('h2', { id: 'detail-title', tabindex: '-1', text: `${indices.length.toLocaleString('en-US')} events at the same time` }),
  );
  const shown = indices.slice(0, 300);
  out.push(
    h(
      'ul',
      { class: 'plain' },
      shown.map((i) =>
        h(
          'li',
          null,
          h('button', {
            type: 'button',
            class: 'link-button',
            onclick: () => actions.openEvent(i),
            text: model.title(i),
          }),
          h('span', { class: 'muted', text: ` — ${dateText(model, i)}` }),
        ),
      ),
    ),
  );
  if (indices.length > shown.length) {
    out.push(h('p', { class: 'muted', text: `and ${indices.length - shown.length} more (use the list view).` }));
  }
  return out;
}

// ------------------------------------------------------------------------ list view
const CHUNK = 150;

/**
 * The list view: a real <ol> of the filtered events in time order, built in chunks as the
 * reader scrolls (a sentinel and a "Show more" button), so 100,000 events cost nothing
 * until they are looked at.
 */
export class EventList {
  constructor(ol, more, sentinel, model, actions) {
    this.ol = ol;
    this.more = more;
    this.sentinel = sentinel;
    this.model = model;
    this.actions = actions;
    this.order = [];
    this.shown = 0;
    this.active = false;
    this.observer =
      'IntersectionObserver' in window
        ? new IntersectionObserver((entries) => {
            if (this.active && entries.some((e) => e.isIntersecting)) this.grow();
          }, { rootMargin: '600px' })
        : null;
    if (this.observer) this.observer.observe(sentinel);
    more.addEventListener('click', () => this.grow(true));
  }

  setOrder(order) {
    this.order = order;
    this.shown = 0;
    this.ol.replaceChildren();
    if (this.active) this.grow();
    else this.#updateMore();
  }

  activate() {
    this.active = true;
    if (this.shown === 0) this.grow();
  }

  deactivate() {
    this.active = false;
  }

  grow(focusFirstNew = false, count = CHUNK) {
    const start = this.shown;
    const end = Math.min(this.order.length, start + count);
    const frag = document.createDocumentFragment();
    for (let k = start; k < end; k += 1) frag.append(this.#row(this.order[k], k));
    this.ol.append(frag);
    this.shown = end;
    this.#updateMore();
    if (focusFirstNew && end > start) {
      const button = this.ol.children[start].querySelector('button');
      if (button) button.focus();
    }
  }

  /** Build rows until event ``i`` is in the list; returns its row's button. */
  reveal(i) {
    const k = this.order.indexOf(i);
    if (k < 0) return null;
    if (k >= this.shown) this.grow(false, k - this.shown + CHUNK);
    const row = this.ol.children[k];
    return row ? row.querySelector('button') : null;
  }

  /** For printing: every row. */
  growAll(limit = 20000) {
    if (this.shown < this.order.length) this.grow(false, Math.min(this.order.length, limit) - this.shown);
  }

  #updateMore() {
    const left = this.order.length - this.shown;
    this.more.hidden = left <= 0;
    this.more.textContent = `Show ${Math.min(left, CHUNK).toLocaleString('en-US')} more (${left.toLocaleString('en-US')} not shown yet)`;
  }

  #row(i, k) {
    const m = this.model;
    const f = m.flags[i];
    const badges = [];
    if (f & F_PERIOD) badges.push(h('span', { class: 'badge', text: 'period' }));
    if (f & F_APPROX) badges.push(h('span', { class: 'badge badge-fuzzy', text: 'approximate' }));
    if (f & F_UNCERTAIN) badges.push(h('span', { class: 'badge badge-fuzzy', text: 'uncertain' }));
    if (f & F_ORDER) badges.push(h('span', { class: 'badge badge-inferred', text: 'inferred' }));
    if (f & F_CONFLICT) badges.push(h('span', { class: 'badge badge-conflict-text', text: 'sources disagree' }));
    const people = m.participantsOf(i);
    const first = (m.event(i).evidence || [])[0];
    return h(
      'li',
      {
        class: f & F_DATED ? 'row' : 'row row-undated',
        'aria-posinset': k + 1,
        'aria-setsize': this.order.length,
        dataset: { index: String(i) },
      },
      h('span', { class: 'row-date', text: dateText(m, i) }),
      h(
        'span',
        { class: 'row-main' },
        h('button', {
          type: 'button',
          class: 'row-title',
          onclick: (event) => this.actions.openEvent(i, event.currentTarget),
          text: m.title(i),
        }),
        badges.length ? h('span', { class: 'row-badges' }, badges) : '',
        people.length ? h('span', { class: 'row-people', text: people.join(', ') }) : '',
        first && typeof first.quote === 'string'
          ? h('span', { class: 'row-quote', text: `“${first.quote}” — ${m.sourceTitle(first.source)}` })
          : '',
      ),
    );
  }
}

// --------------------------------------------------------------------------- legend
export const LEGEND = [
  ['event', 'Event', 'A dated event: the dot is at the middle of its possible dates.'],
  ['range', 'Possible dates', 'The shaded band spans every day the date allows (a year, a decade…).'],
  ['approx', 'Approximate (c., ~)', 'Blurred dot or soft-edged bar: the date is approximate.'],
  ['uncertain', 'Uncertain (?)', 'Hollow dot with “?”, dotted bar edge: the source is unsure.'],
  ['open', 'Open end', 'Fades out toward the side the date leaves open (“before 1917”).'],
  ['inferred', 'Inferred from order', 'Dashed and hatched: the date comes from narrative order.'],
  ['period', 'Period', 'A bar from the start to the end of a span of time.'],
  ['conflict', 'Sources disagree', 'Red diamond with “!”: open the event to compare every side.'],
  ['cluster', 'Cluster', 'Several events too close to draw apart; select it to zoom in.'],
];

export function drawLegendIcon(marks, kind, flags) {
  const { ctx } = marks;
  const c = ctx.canvas;
  const dpr = window.devicePixelRatio || 1;
  const w = 44;
  const hgt = 22;
  c.width = w * dpr;
  c.height = hgt * dpr;
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, w, hgt);
  const y = hgt / 2;
  if (kind === 'event') marks.marker(22, y, 0);
  else if (kind === 'range') {
    marks.range(6, 38, y, 0, false, false);
    marks.marker(22, y, 0);
  } else if (kind === 'approx') {
    marks.marker(12, y, flags.F_APPROX);
    marks.bar(22, 42, y - 7, flags.F_PERIOD | flags.F_APPROX, false, false);
  } else if (kind === 'uncertain') {
    marks.marker(10, y, flags.F_UNCERTAIN);
    marks.bar(24, 42, y - 7, flags.F_PERIOD | flags.F_UNCERTAIN, false, false);
  } else if (kind === 'open') {
    marks.bar(2, 30, y - 7, flags.F_PERIOD, true, false);
    marks.marker(36, y, 0);
  } else if (kind === 'inferred') {
    marks.marker(10, y, flags.F_ORDER);
    marks.bar(22, 42, y - 7, flags.F_PERIOD | flags.F_ORDER, false, false);
  } else if (kind === 'period') marks.bar(4, 40, y - 7, flags.F_PERIOD, false, false);
  else if (kind === 'conflict') marks.marker(28, y, flags.F_CONFLICT);
  else if (kind === 'cluster') marks.cluster(22, y, 12, 0);
}

export const FLAG_SET = {
  F_APPROX,
  F_CONFLICT,
  F_OPEN_END,
  F_OPEN_START,
  F_ORDER,
  F_PERIOD,
  F_UNCERTAIN,
  F_UNKNOWN_END,
  F_UNKNOWN_START,
};
