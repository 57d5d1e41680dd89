// Time coordinates, labels and axis ticks.
//
// Positions on the axis are a float "year": the astronomical year plus the fraction of that
// year already elapsed (year 0 is 1 BCE, -43 is 44 BCE). Float64 keeps days exact far beyond
// the range any source needs and still spans billions of years, so one coordinate serves
// from a single day to deep time.

export const MONTHS_SHORT = [
  'Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec',
];
export const MONTHS_LONG = [
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September',
  'October', 'November', 'December',
];
const CUM_DAYS = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

export const DAY = 1 / 365.2425;
export const MIN_SPAN = 2 * DAY;
export const MAX_SPAN = 3e10;
export const LIMIT = 2e10;
const PRESENT = 1950; // "before present" (ka, Ma, Ga) counts back from 1950, as geologists do

export function isLeapYear(y) {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function yearLength(y) {
  return isLeapYear(y) ? 366 : 365;
}

export function monthLength(y, m) {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function dayOfYear(y, m, d) {
  return CUM_DAYS[m - 1] + (m > 2 && isLeapYear(y) ? 1 : 0) + d - 1;
}

/** The float year at the start of a day. */
export function toYear(y, m, d) {
  return y + dayOfYear(y, m, d) / yearLength(y);
}

/**
 * The float year at which a day (YYYY-MM-DD, any number of year digits, minus for years
 * before 1) begins, or with ``end`` the start of the next day; NaN when it is not a day.
 * Hand-parsed: a timeline of 100,000 events reads 200,000 of these at start-up.
 */
function dayBound(text, end) {
  if (typeof text !== 'string') return NaN;
  const n = text.length;
  if (n < 10 || text.charCodeAt(n - 3) !== 45 || text.charCodeAt(n - 6) !== 45) return NaN;
  const m = (text.charCodeAt(n - 5) - 48) * 10 + (text.charCodeAt(n - 4) - 48);
  const d = (text.charCodeAt(n - 2) - 48) * 10 + (text.charCodeAt(n - 1) - 48);
  if (!(m >= 1 && m <= 12 && d >= 1 && d <= 31)) return NaN;
  let k = text.charCodeAt(0) === 45 ? 1 : 0;
  if (n - 6 - k < 4) return NaN;
  let y = 0;
  for (; k < n - 6; k += 1) {
    const c = text.charCodeAt(k) - 48;
    if (c < 0 || c > 9) return NaN;
    y = y * 10 + c;
  }
  if (text.charCodeAt(0) === 45) y = -y;
  const len = yearLength(y);
  return y + (dayOfYear(y, m, d) + (end ? 1 : 0)) / len;
}

/** The float year at which a day begins (NaN when the text is not a day). */
export function dayStart(text) {
  return dayBound(text, false);
}

/** The float year at which a day ends (the start of the next day). */
export function dayEnd(text) {
  return dayBound(text, true);
}

/** The calendar day a float year falls in. */
export function fromYear(t) {
  const y = Math.floor(t);
  const len = yearLength(y);
  let doy = Math.floor((t - y) * len + 1e-7);
  if (doy < 0) doy = 0;
  if (doy > len - 1) doy = len - 1;
  let m = 1;
  while (m < 12 && dayOfYear(y, m + 1, 1) <= doy) m += 1;
  return { y, m, d: doy - dayOfYear(y, m, 1) + 1 };
}

export function groupDigits(n) {
  return Math.abs(n) >= 10000 ? Math.round(n).toLocaleString('en-US') : String(Math.round(n));
}

/** An astronomical year for people: 1907 → "1907", -43 → "44 BCE", 0 → "1 BCE". */
export function yearName(y) {
  return y > 0 ? groupDigits(y) : `${groupDigits(1 - y)} BCE`;
}

function trimNumber(x) {
  return Number(x.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 3 });
}

/** Years before present as "250 ka", "170 Ma", "4.5 Ga". */
export function agoName(years) {
  const a = Math.abs(years);
  let text;
  if (a === 0) return 'present';
  if (a >= 1e9) text = `${trimNumber(a / 1e9)} Ga`;
  else if (a >= 1e6) text = `${trimNumber(a / 1e6)} Ma`;
  else text = `${trimNumber(a / 1e3)} ka`;
  return years < 0 ? `+${text}` : text;
}

/** A position for people, as precise as a view of ``span`` years warrants. */
export function describeYear(t, span) {
  if (Math.abs(t) >= 1e6 && span >= 1e4) return agoName(PRESENT - t);
  if (span >= 2e5) return agoName(PRESENT - t);
  const { y, m, d } = fromYear(t);
  if (span < 0.25) return `${d} ${MONTHS_SHORT[m - 1]} ${yearName(y)}`;
  if (span < 4) return `${MONTHS_SHORT[m - 1]} ${yearName(y)}`;
  return yearName(y);
}

export function describeRange(a, b) {
  const span = b - a;
  return `${describeYear(a, span)} – ${describeYear(b, span)}`;
}

// ------------------------------------------------------------------------------- ticks
function ordinal(n) {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${groupDigits(n)}th`;
  const suffix = { 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] || 'th';
  return `${groupDigits(n)}${suffix}`;
}

/** Centuries or millennia in view, each from its first year: "20th century", "1st century BCE". */
function eraUnits(v0, v1, size, name, out) {
  const nLo = Math.max(1, Math.floor((v0 - 1) / size) + 1);
  const nHi = Math.floor((v1 - 1) / size) + 1;
  for (let n = nLo; n <= nHi && out.length < 400; n += 1) {
    out.push({ t: (n - 1) * size + 1, label: `${ordinal(n)} ${name}` });
  }
  const mLo = Math.max(1, Math.ceil((1 - v1) / size));
  const mHi = Math.floor((1 - v0) / size) + 1;
  for (let n = mLo; n <= mHi && out.length < 800; n += 1) {
    out.push({ t: 1 - n * size, label: `${ordinal(n)} ${name} BCE` });
  }
}
const YEAR_STEPS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000];
const AGO_STEPS = [
  1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7, 2e7, 5e7, 1e8, 2e8, 5e8, 1e9, 2e9, 5e9, 1e10,
];
const DAY_STEPS = [1, 2, 7, 14];
const MONTH_STEPS = [1, 3, 6];

function pickUnit(pxPerYear, minPx) {
  for (const s of DAY_STEPS) if (s * DAY * pxPerYear >= minPx) return { kind: 'day', step: s };
  for (const s of MONTH_STEPS) if ((s / 12) * pxPerYear >= minPx) return { kind: 'month', step: s };
  for (const s of YEAR_STEPS) if (s * pxPerYear >= minPx) return { kind: 'year', step: s };
  for (const s of AGO_STEPS) if (s * pxPerYear >= minPx) return { kind: 'ago', step: s };
  return { kind: 'ago', step: 2e10 };
}

function dayOk(d, step) {
  if (step === 1) return true;
  if (step === 2) return d % 2 === 1 && d < 30;
  if (step === 7) return d === 1 || d === 8 || d === 15 || d === 22;
  return d === 1 || d === 15;
}

function yearTicks(v0, v1, s, out, label) {
  const first = Math.max(s, Math.ceil(v0 / s) * s);
  for (let t = first; t <= v1; t += s) out.push({ t, label: label ? yearName(t) : '' });
  const hMin = Math.max(s, Math.ceil((1 - v1) / s) * s);
  const hMax = Math.floor((1 - v0) / s) * s;
  for (let h = hMin; h <= hMax; h += s) {
    out.push({ t: 1 - h, label: label ? `${groupDigits(h)} BCE` : '' });
  }
  if (s >= 10 && v0 <= 1 && v1 >= 1) out.push({ t: 1, label: label ? '1 CE' : '' });
}

function agoTicks(v0, v1, s, out, label) {
  const kMin = Math.ceil((PRESENT - v1) / s);
  const kMax = Math.floor((PRESENT - v0) / s);
  for (let k = kMin; k <= kMax; k += 1) {
    out.push({ t: PRESENT - k * s, label: label ? agoName(k * s) : '' });
  }
}

/**
 * Ticks for a view [v0, v1] drawn ``width`` px wide: labelled ticks at least ``minPx`` apart,
 * unlabelled minor ticks between them, and a coarser "context" row (months over days, years
 * over months) whose labels name the stretch they start.
 */
export function makeTicks(v0, v1, width, minPx = 84) {
  const pxPerYear = width / (v1 - v0);
  const unit = pickUnit(pxPerYear, minPx);
  const major = [];
  const minor = [];
  const context = [];
  if (unit.kind === 'day' || unit.kind === 'month') {
    const first = fromYear(v0);
    const monthStarts = []; // from the month holding v0 (which starts at or before v0)
    for (let y = first.y, m = first.m, n = 0; n < 2000; n += 1) {
      const t = toYear(y, m, 1);
      if (t > v1) break;
      monthStarts.push({ t, y, m });
      m += 1;
      if (m > 12) {
        m = 1;
        y += 1;
      }
    }
    if (unit.kind === 'day') {
      let { y, m, d } = first;
      for (let n = 0; n < 1200; n += 1) {
        const t = toYear(y, m, d);
        if (t > v1) break;
        if (dayOk(d, unit.step)) major.push({ t, label: `${d} ${MONTHS_SHORT[m - 1]}` });
        else if (DAY * pxPerYear >= 6) minor.push({ t, label: '' });
        d += 1;
        if (d > monthLength(y, m)) {
          d = 1;
          m += 1;
          if (m > 12) {
            m = 1;
            y += 1;
          }
        }
      }
      for (const s of monthStarts) {
        context.push({ t: s.t, label: `${MONTHS_LONG[s.m - 1]} ${yearName(s.y)}` });
      }
    } else {
      let lastYear = null;
      for (const s of monthStarts) {
        if (s.t >= v0 && (s.m - 1) % unit.step === 0) {
          major.push({ t: s.t, label: MONTHS_SHORT[s.m - 1] });
        } else if (s.t >= v0 && pxPerYear / 12 >= 6) {
          minor.push({ t: s.t, label: '' });
        }
        if (s.y !== lastYear) {
          lastYear = s.y;
          context.push({ t: toYear(s.y, 1, 1), label: yearName(s.y) });
        }
      }
    }
    return { major, minor, context, unit };
  }
  const steps = unit.kind === 'year' ? YEAR_STEPS : AGO_STEPS;
  const make = unit.kind === 'year' ? yearTicks : agoTicks;
  make(v0, v1, unit.step, major, true);
  if (unit.kind === 'year' && unit.step < 100) eraUnits(v0, v1, 100, 'century', context);
  else if (unit.kind === 'year' && unit.step < 1000) eraUnits(v0, v1, 1000, 'millennium', context);
  const index = steps.indexOf(unit.step);
  const minorStep = index > 0 ? steps[index - 1] : unit.kind === 'year' ? 0 : 5e4;
  if (minorStep && minorStep * pxPerYear >= 10 && unit.step / minorStep <= 10) {
    make(v0, v1, minorStep, minor, false);
  } else if (unit.kind === 'year' && unit.step === 1 && pxPerYear / 12 >= 10) {
    for (let y = Math.floor(v0); y <= v1; y += 1) {
      for (let m = 2; m <= 12; m += 1) minor.push({ t: toYear(y, m, 1), label: '' });
    }
  }
  return { major, minor, context, unit };
}

// ---------------------------------------------------------------------- date input
const AGO_UNITS = { ka: 1e3, ma: 1e6, ga: 1e9 };

/**
 * What a person types in a date filter, as [start, end) in float years, or null:
 * "1917", "1917-03", "1917-03-15", "44 BCE", "44 BC", "AD 30", "30 CE", "-0043" (astronomical),
 * "170 Ma", "12 ka".
 */
export function parseYearInput(raw) {
  const text = String(raw || '').trim().replace(/\s+/g, ' ');
  if (!text) return null;
  let match = /^([\d.,]+) ?(ka|ma|ga)$/i.exec(text);
  if (match) {
    const n = Number(match[1].replace(/,/g, ''));
    if (!Number.isFinite(n)) return null;
    const t = PRESENT - n * AGO_UNITS[match[2].toLowerCase()];
    return [t, t + 1];
  }
  match = /^([\d,]+) ?(bce|bc|b\.c\.e\.|b\.c\.)$/i.exec(text);
  if (match) {
    const h = Number(match[1].replace(/,/g, ''));
    if (!Number.isFinite(h) || h < 1) return null;
    return [1 - h, 2 - h];
  }
  match = /^(?:(?:ad|ce) ?)?([\d,]+)(?: ?(?:ad|ce))?$/i.exec(text);
  if (match) {
    const y = Number(match[1].replace(/,/g, ''));
    if (!Number.isFinite(y)) return null;
    return [y, y + 1];
  }
  match = /^(-?\d+)(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(text);
  if (match) {
    const y = Number(match[1]);
    if (!match[2]) return [y, y + 1];
    const m = Number(match[2]);
    if (m < 1 || m > 12) return null;
    if (!match[3]) {
      const end = m === 12 ? y + 1 : toYear(y, m + 1, 1);
      return [toYear(y, m, 1), end];
    }
    const d = Number(match[3]);
    if (d < 1 || d > monthLength(y, m)) return null;
    const start = toYear(y, m, d);
    return [start, start + 1 / yearLength(y)];
  }
  return null;
}
