/**
 * Pure rules over the portal's items: what is published, in which order, what is related.
 * Pages never filter or sort collections themselves; they call these through `content.ts`.
 */
import { DAY_MS, endOfVietnamDay, type PortalDate } from './dates.ts';
import type { ItemKind } from './urls';

export interface StreamItem {
  kind: ItemKind;
  id: string;
  title: string;
  /** The date the item is listed under (an event without `pubDate`: its start). */
  date: Date;
  category: string;
  tags: readonly string[];
  unit?: string;
}

export interface PublishState {
  draft: boolean;
  /** Absent for events announced at once. */
  pubDate?: Date;
  expiryDate?: Date;
}

/** Why an item is not published at `now`: a draft, scheduled after `now` or expired; undefined when it is. */
export function whyUnpublished(state: PublishState, now: Date): 'draft' | 'scheduled' | 'expired' | undefined {
  if (state.draft) return 'draft';
  if (state.pubDate && state.pubDate > now) return 'scheduled';
  if (state.expiryDate && state.expiryDate <= now) return 'expired';
  return undefined;
}

/** Drafts, items scheduled after `now` and expired items are built nowhere (but previewed in `astro dev`). */
export function isPublished(state: PublishState, now: Date): boolean {
  return whyUnpublished(state, now) === undefined;
}

/**
 * The first moment after `now` at which a build would publish something else: a scheduled item's `pubDate`, an
 * `expiryDate`, the start of an event listed at its start (it joins its year's archive), the end of an event (it
 * moves from upcoming to past), the close of its sign-up (its page drops the button) and the day it leaves the
 * subscribed calendar (`leavesCalendarAt`). Drafts never change
 * with time. Undefined when nothing will change.
 */
export function nextChange(
  states: readonly (PublishState & { listedFrom?: Date; eventOverAt?: Date; registrationClosesAt?: Date })[],
  now: Date,
): Date | undefined {
  let next: number | undefined;
  for (const state of states) {
    if (state.draft) continue;
    // An event is past from the moment it is over (`isOver`).
    const moments = [
      state.pubDate?.getTime(),
      state.expiryDate?.getTime(),
      state.listedFrom?.getTime(),
      state.eventOverAt?.getTime(),
      state.eventOverAt && leavesCalendarAt(state.eventOverAt).getTime(),
      state.registrationClosesAt?.getTime(),
    ];
    for (const moment of moments) {
      if (moment !== undefined && moment > now.getTime() && (next === undefined || moment < next)) next = moment;
    }
  }
  return next === undefined ? undefined : new Date(next);
}

/** Newest first; equal dates by title so builds are stable. */
export function newestFirst<T extends Pick<StreamItem, 'date' | 'title'>>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.date.getTime() - a.date.getTime() || a.title.localeCompare(b.title, 'vi'));
}

/** Groups items by a key; an item with several keys (tags) lands in each group. Groups keep the items' order. */
export function groupBy<T>(items: readonly T[], keys: (item: T) => readonly (string | number | undefined)[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of new Set(keys(item))) {
      if (key === undefined) continue;
      const name = String(key);
      const group = groups.get(name);
      if (group) group.push(item);
      else groups.set(name, [item]);
    }
  }
  return groups;
}

/** An item's tags as related items compare them: lower-cased, each once. */
function comparedTags(item: StreamItem): string[] {
  return [...new Set(item.tags.map((t) => t.toLowerCase()))];
}

function score(item: StreamItem, tags: readonly string[], other: StreamItem, otherTags: readonly string[]): number {
  let sharedTags = 0;
  for (const tag of otherTags) if (tags.includes(tag)) sharedTags++;
  return sharedTags * 3 + (item.unit && item.unit === other.unit ? 2 : 0) + (item.category === other.category ? 1 : 0);
}

/**
 * How related `other` is to `item`: shared tags weigh most, then the same unit and category.
 * Ties go to the closer date.
 */
export function relatedScore(item: StreamItem, other: StreamItem): number {
  return score(item, comparedTags(item), other, comparedTags(other));
}

/**
 * What related items read of a list, computed once per list: every article of a portal looks for its neighbours in
 * its groups (about 300 candidates an article), so lookups by item would cost more than the scoring.
 */
interface ListFacts {
  position: Map<string, number>;
  tags: string[][];
  times: Float64Array;
  /** A number per item, the same in every list (`numberOf`). */
  numbers: Int32Array;
}
const listFacts = new WeakMap<readonly unknown[], ListFacts>();
const keyOf = (item: Pick<StreamItem, 'kind' | 'id'>) => `${item.kind}/${item.id}`;

function positionsOf(list: readonly Pick<StreamItem, 'kind' | 'id'>[]): Map<string, number> {
  const position = new Map<string, number>();
  for (let i = list.length - 1; i >= 0; i--) position.set(keyOf(list[i]), i);
  return position;
}

const itemNumbers = new WeakMap<StreamItem, number>();
let numbered = 0;
function numberOf(item: StreamItem): number {
  let number = itemNumbers.get(item);
  if (number === undefined) {
    number = numbered++;
    itemNumbers.set(item, number);
  }
  return number;
}

/** Which call of `relatedItems` last saw each item, by its number: cheaper than a set of the items seen. */
let seenBy = new Int32Array(1024);
let calls = 0;

function factsOf(list: readonly StreamItem[]): ListFacts {
  let facts = listFacts.get(list);
  if (!facts) {
    facts = {
      position: positionsOf(list),
      tags: list.map(comparedTags),
      times: Float64Array.from(list, (item) => item.date.getTime()),
      numbers: Int32Array.from(list, numberOf),
    };
    listFacts.set(list, facts);
    if (seenBy.length < numbered) {
      const grown = new Int32Array(numbered * 2);
      grown.set(seenBy);
      seenBy = grown;
    }
  }
  return facts;
}

/**
 * The items most related to `item`, from the groups it belongs to (its tags, unit and category, each newest
 * first). Only the `window` items nearest in date in each group are scored, so the cost per article stays
 * constant however large the portal grows; ties go to the closer date.
 */
export function relatedItems<T extends StreamItem>(item: T, groups: readonly (readonly T[])[], limit = 5, window = 30): T[] {
  const tags = comparedTags(item);
  const time = item.date.getTime();
  const key = keyOf(item);
  const call = ++calls;
  // The best `limit` so far, best first; a later candidate goes after those it ties with, as a stable sort would.
  const best: { other: T; score: number; distance: number }[] = [];
  for (const group of groups) {
    const facts = factsOf(group);
    const at = facts.position.get(key) ?? -1;
    const end = Math.min(group.length, at < 0 ? window : at + window + 1);
    for (let i = Math.max(0, at - window); i < end; i++) {
      const other = group[i];
      const number = facts.numbers[i];
      if (i === at || (other.kind === item.kind && other.id === item.id) || seenBy[number] === call) continue;
      seenBy[number] = call;
      const points = score(item, tags, other, facts.tags[i]);
      if (points <= 0) continue;
      const distance = Math.abs(facts.times[i] - time);
      let place = best.length;
      while (place > 0 && (best[place - 1].score < points || (best[place - 1].score === points && best[place - 1].distance > distance))) place--;
      if (place >= limit) continue;
      best.splice(place, 0, { other, score: points, distance });
      if (best.length > limit) best.pop();
    }
  }
  return best.map(({ other }) => other);
}

// Where each item is in a list, computed once per list: every article looks itself up in its groups.
const listPositions = new WeakMap<readonly unknown[], Map<string, number>>();

/** The index of `item` in `list` (by kind and id), -1 when absent. */
export function positionIn<T extends Pick<StreamItem, 'kind' | 'id'>>(list: readonly T[], item: T): number {
  let positions = listPositions.get(list);
  if (!positions) {
    positions = positionsOf(list);
    listPositions.set(list, positions);
  }
  return positions.get(keyOf(item)) ?? -1;
}

/** Neighbours of an item in a newest-first list: `newer` and `older`. */
export function neighbours<T extends Pick<StreamItem, 'kind' | 'id'>>(item: T, newestFirstList: readonly T[]) {
  const index = positionIn(newestFirstList, item);
  if (index < 0) return { newer: undefined, older: undefined };
  return { newer: newestFirstList[index - 1], older: newestFirstList[index + 1] };
}

export interface Timed {
  start: Date;
  /** When it is over (`eventOverAt`). */
  overAt: Date;
}

/**
 * When an event is over: at the time it ends; an end given as a day only, or no end at all, lets it run to the end of
 * that day (or of its start's day) in Viet Nam, so that a day's events stay "upcoming" on their day.
 */
export function eventOverAt(start: PortalDate, end?: PortalDate): Date {
  return end?.hasTime ? end.date : endOfVietnamDay((end ?? start).date);
}

/** The moment a deadline passes: its time, or the end of its day in Viet Nam when given as a day. */
export function deadlinePassesAt(deadline: PortalDate): Date {
  return deadline.hasTime ? deadline.date : endOfVietnamDay(deadline.date);
}

/** When an event's sign-up closes: at its deadline (`deadlinePassesAt`), at the latest when the event is over. */
export function registrationClosesAt(overAt: Date, deadline?: PortalDate): Date {
  const passes = deadline && deadlinePassesAt(deadline);
  return passes && passes < overAt ? passes : overAt;
}

/** Whether readers can still sign up at `now` (`registrationClosesAt`). */
export function registrationOpen(event: { registrationClosesAt: Date }, now: Date): boolean {
  return now < event.registrationClosesAt;
}

/** True once the event is over at `now` (`eventOverAt`). */
export function isOver(event: Timed, now: Date): boolean {
  return event.overAt <= now;
}

/** How long an event stays, once over, in the calendar that apps subscribe to (`/su-kien/lich.ics`). */
export const CALENDAR_DAYS_KEPT = 365;

/** When an event, over at `overAt`, leaves the subscribed calendar. */
export function leavesCalendarAt(overAt: Date): Date {
  return new Date(overAt.getTime() + CALENDAR_DAYS_KEPT * DAY_MS);
}

/** The events of the subscribed calendar at `now`: those not over, or over for less than `CALENDAR_DAYS_KEPT`. */
export function subscribedCalendarEvents<T extends Timed>(events: readonly T[], now: Date): T[] {
  return events.filter((e) => leavesCalendarAt(e.overAt) > now);
}

/** Upcoming events (not over yet), soonest first, and past ones, latest first. */
export function splitEvents<T extends Timed>(events: readonly T[], now: Date): { upcoming: T[]; past: T[] } {
  return {
    upcoming: events.filter((e) => !isOver(e, now)).sort((a, b) => a.start.getTime() - b.start.getTime()),
    past: events.filter((e) => isOver(e, now)).sort((a, b) => b.start.getTime() - a.start.getTime()),
  };
}
