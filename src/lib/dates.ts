/**
 * Dates in the portal's time zone. Editors write `2024-04-14` (that day in Viet Nam) or an ISO date-time;
 * the build machine's own time zone never matters.
 */

export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

/** The build's clock; `BAN_TIN_NOW` pins it so tests see a fixed present. */
export function buildTime(): Date {
  const pinned = process.env.BAN_TIN_NOW;
  return pinned ? new Date(pinned) : new Date();
}
/** Viet Nam has no daylight saving time: always UTC+7. */
const OFFSET = '+07:00';

export interface PortalDate {
  /** The instant. */
  date: Date;
  /** False when the editor gave only a day: pages then show no time. */
  hasTime: boolean;
}

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

function isRealDay(year: number, month: number, day: number): boolean {
  const probe = new Date(Date.UTC(year, month - 1, day));
  return probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
}

/**
 * Parses an editor's date. Returns undefined for anything that is not an ISO date of a real day
 * (`31/02/2021`, `2021-02-31`, `2021-13-01`, `25:00`). A date-time without offset is Viet Nam time.
 */
export function parsePortalDate(text: string): PortalDate | undefined {
  const value = text.trim();
  const day = DATE_ONLY.exec(value);
  if (day) {
    const [, y, m, d] = day.map(Number);
    if (!isRealDay(y, m, d)) return undefined;
    return { date: new Date(`${value}T00:00:00${OFFSET}`), hasTime: false };
  }
  const full = DATE_TIME.exec(value);
  if (full) {
    const [y, m, d, hh, mm, ss] = full.slice(1, 7).map((part) => Number(part ?? 0));
    if (!isRealDay(y, m, d) || hh > 23 || mm > 59 || ss > 59) return undefined;
    const zone = full[7] ?? OFFSET;
    const iso = `${full[1]}-${full[2]}-${full[3]}T${full[4]}:${full[5]}:${full[6] ?? '00'}${zone}`;
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return undefined;
    return { date, hasTime: true };
  }
  return undefined;
}

interface ZonedParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

const OFFSET_MS = 7 * 60 * 60 * 1000;
/** A day in Viet Nam, which has no daylight saving time. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The calendar fields of an instant as seen in Viet Nam. The offset is fixed (UTC+7 all year since 1975), so plain
 * arithmetic gives what Intl gives for Asia/Ho_Chi_Minh (a unit test compares them), without Intl's cost: a build
 * formats thousands of dates, and the search page would wait for Intl's time zone data.
 */
export function zonedParts(date: Date): ZonedParts {
  const local = new Date(date.getTime() + OFFSET_MS);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    weekday: local.getUTCDay(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Vietnamese weekday names, Sunday first. */
export const WEEKDAY_NAMES = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'] as const;

/** "14/04/2024" */
export function formatDay(date: Date): string {
  const p = zonedParts(date);
  return `${pad(p.day)}/${pad(p.month)}/${p.year}`;
}

/** "14/04/2024" from the ISO date-time `toIsoVietnam` writes (search results carry it); '' for anything else. */
export function dayOfIso(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : '';
}

/** "08:30" */
export function formatTime(date: Date): string {
  const p = zonedParts(date);
  return `${pad(p.hour)}:${pad(p.minute)}`;
}

/** "Thứ Hai, 14/04/2024", with ", 08:30" when the editor gave a time. */
export function formatLongDate(date: Date, withTime = false): string {
  const p = zonedParts(date);
  const text = `${WEEKDAY_NAMES[p.weekday]}, ${formatDay(date)}`;
  return withTime ? `${text}, ${formatTime(date)}` : text;
}

/** The year in Viet Nam: an article of 2023-12-31 23:30 +07:00 belongs to 2023 whatever the machine's zone. */
export function yearOf(date: Date): number {
  return zonedParts(date).year;
}

/** The month in Viet Nam as `YYYY-MM`, as `toIsoVietnam` begins. */
export function monthOf(date: Date): string {
  const p = zonedParts(date);
  return `${p.year}-${pad(p.month)}`;
}

/** The midnight in Viet Nam that ends the day of `date` there. */
export function endOfVietnamDay(date: Date): Date {
  const { year, month, day } = zonedParts(date);
  return new Date(Date.UTC(year, month - 1, day + 1) - OFFSET_MS);
}

/** Today's date in Viet Nam as `YYYY-MM-DD`. */
export function todayInVietnam(now: Date = new Date()): string {
  const p = zonedParts(now);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

/** ISO 8601 with the Viet Nam offset, for `<time datetime>`, feeds and JSON-LD. */
export function toIsoVietnam(date: Date): string {
  const p = zonedParts(date);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}:00${OFFSET}`;
}
