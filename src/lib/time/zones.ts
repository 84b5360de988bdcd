// Time zones and wall clocks, with Intl only (no time-zone database of our own): the one module that
// does zone checks and wall-clock arithmetic, for the learner's review day and the teacher's deadlines.
//
// A learner's day runs from the rollover hour (Anki's default, 4 am local, so a review after midnight still
// counts on the evening's day) to the same hour the next local day. Days are not always 24 hours long:
// 23 h or 25 h across daylight-saving changes, and a zone may skip a date entirely (Pacific/Apia skipped
// 2011-12-30). Where the rollover time does not exist (a DST gap) the day starts at the first instant
// that belongs to it, and where it happens twice (a fall-back) it starts at the first of them.
//
// A teacher types "2026-03-08T02:30" in a datetime-local input and means it in their own zone; the server
// turns that into an instant. Daylight-saving edges follow Temporal's "compatible" rule: a time skipped
// by a spring-forward gap moves forward by the gap (02:30 → 03:30), and a time that happens twice in an
// autumn overlap means the earlier of the two.

const HOUR = 3_600_000;
export const DAY_MS = 24 * HOUR;

/** Anki's default: a learner's day starts at 4 am local time. */
export const DEFAULT_ROLLOVER_HOUR = 4;

// Building an Intl.DateTimeFormat costs far more than using one: one per zone, kept.
const formatters = new Map<string, Intl.DateTimeFormat>();

function wallFormatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		try {
			f = new Intl.DateTimeFormat('en-US', {
				timeZone,
				hourCycle: 'h23',
				year: 'numeric',
				month: 'numeric',
				day: 'numeric',
				hour: 'numeric',
				minute: 'numeric',
				second: 'numeric'
			});
		} catch {
			throw new RangeError(`unknown time zone: ${JSON.stringify(timeZone)}`);
		}
		formatters.set(timeZone, f);
	}
	return f;
}

/** Whether `timeZone` is a time zone Intl knows (an IANA name such as 'Europe/Paris', or 'UTC'). */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
	if (typeof timeZone !== 'string' || timeZone.trim() === '' || timeZone.length > 64) return false;
	try {
		wallFormatter(timeZone);
		return true;
	} catch {
		return false;
	}
}

/** Whether `hour` is a rollover hour a learner may choose: a whole hour, 0 to 23. */
export function isValidRolloverHour(hour: unknown): hour is number {
	return typeof hour === 'number' && Number.isInteger(hour) && hour >= 0 && hour <= 23;
}

type Wall = {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
};

function wallTime(t: number, timeZone: string): Wall {
	const w: Wall = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
	for (const part of wallFormatter(timeZone).formatToParts(t)) {
		if (part.type in w) w[part.type as keyof Wall] = Number(part.value);
	}
	return w;
}

/** The wall clock of instant `t` in `timeZone`, read as if it were UTC: ms since the epoch (whole seconds). */
function wallClockMs(t: number, timeZone: string): number {
	const w = wallTime(t, timeZone);
	return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

function checkedTime(date: Date, what: string): number {
	const t = date instanceof Date ? date.getTime() : NaN;
	if (!Number.isFinite(t)) throw new RangeError(`${what} must be a valid Date`);
	return t;
}

function checkedRollover(hour: number): number {
	if (!isValidRolloverHour(hour))
		throw new RangeError(`the day's rollover hour must be a whole hour from 0 to 23, got ${hour}`);
	return hour;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The learner-day key of instant t: the local date of (wall clock − rollover hours). */
function keyAt(t: number, timeZone: string, rolloverHour: number): string {
	const d = new Date(wallClockMs(t, timeZone) - rolloverHour * HOUR);
	return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/**
 * The learner's clock: instant `date` as a time whose UTC calendar date is the learner's day (their wall
 * clock in `timeZone`, less the rollover hours), in ms. Code that counts days by UTC date (ts-fsrs) counts
 * the learner's days when given these times.
 */
export function learnerClockMs(date: Date, timeZone: string, rolloverHour = 0): number {
	return wallClockMs(checkedTime(date, 'date'), timeZone) - checkedRollover(rolloverHour) * HOUR;
}

/** The learner day of `date` in `timeZone` with the day starting at `rolloverHour`, as 'YYYY-MM-DD'. */
export function learnerDayKey(date: Date, timeZone: string, rolloverHour = 0): string {
	return keyAt(checkedTime(date, 'date'), timeZone, checkedRollover(rolloverHour));
}

/** The learner day of `date` as a day number (days since 1970-01-01 on the learner's calendar). */
export function learnerDayNumber(date: Date, timeZone: string, rolloverHour = 0): number {
	return Math.floor(learnerClockMs(date, timeZone, rolloverHour) / DAY_MS);
}

/** Local time minus UTC at instant t, in ms (whole seconds; sub-second offsets have not been used since 1972). */
function offsetAt(t: number, timeZone: string): number {
	return wallClockMs(t, timeZone) - Math.floor(t / 1000) * 1000;
}

/** The first instant whose learner day is `key` or later; `wall` is when that day starts, read as UTC. */
function firstInstantFrom(
	key: string,
	wall: number,
	timeZone: string,
	rolloverHour: number
): number {
	// Fast path: the usual wall-clock-minus-offset guess, refined once for an offset change nearby.
	let t = wall - offsetAt(wall, timeZone);
	t = wall - offsetAt(t, timeZone);
	if (keyAt(t, timeZone, rolloverHour) >= key && keyAt(t - 1, timeZone, rolloverHour) < key)
		return t;

	// Otherwise (no such wall time, or two of them): binary search. Offsets lie within UTC-12..UTC+14.
	let lo = wall - 16 * HOUR; // learner day before `key`
	let hi = wall + 14 * HOUR; // learner day `key` or later
	while (keyAt(lo, timeZone, rolloverHour) >= key) lo -= DAY_MS;
	while (keyAt(hi, timeZone, rolloverHour) < key) hi += DAY_MS;
	while (hi - lo > 1) {
		const mid = lo + Math.floor((hi - lo) / 2);
		if (keyAt(mid, timeZone, rolloverHour) >= key) hi = mid;
		else lo = mid;
	}
	return hi;
}

/** The instant the learner day numbered `day` (see learnerDayNumber) starts. */
function dayStart(day: number, timeZone: string, rolloverHour: number): number {
	const midnight = new Date(day * DAY_MS);
	const key = `${pad(midnight.getUTCFullYear(), 4)}-${pad(midnight.getUTCMonth() + 1)}-${pad(midnight.getUTCDate())}`;
	return firstInstantFrom(key, day * DAY_MS + rolloverHour * HOUR, timeZone, rolloverHour);
}

/** The instant the learner's day containing `now` starts: local midnight, or the rollover hour when given. */
export function startOfLearnerDay(now: Date, timeZone: string, rolloverHour = 0): Date {
	return new Date(dayStart(learnerDayNumber(now, timeZone, rolloverHour), timeZone, rolloverHour));
}

/** The instant the learner's day containing `now` ends (exclusive): when the next one starts. */
export function endOfLearnerDay(now: Date, timeZone: string, rolloverHour = 0): Date {
	return new Date(
		dayStart(learnerDayNumber(now, timeZone, rolloverHour) + 1, timeZone, rolloverHour)
	);
}

/** Whether a card due at `due` is due on the learner's today: due before today ends (overdue cards included). */
export function isDueToday(due: Date, now: Date, timeZone: string, rolloverHour = 0): boolean {
	return checkedTime(due, 'due') < endOfLearnerDay(now, timeZone, rolloverHour).getTime();
}

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

function parseLocal(local: string): Wall | null {
	const m = LOCAL_PATTERN.exec(local);
	if (!m) return null;
	const [year, month, day, hour, minute, second] = m
		.slice(1)
		.map((s) => (s === undefined ? 0 : Number(s)));
	const check = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
	// Refuse dates that do not exist (30 February) rather than rolling them over.
	if (
		check.getUTCFullYear() !== year ||
		check.getUTCMonth() !== month - 1 ||
		check.getUTCDate() !== day ||
		hour > 23 ||
		minute > 59 ||
		second > 59
	) {
		return null;
	}
	return { year, month, day, hour, minute, second };
}

/**
 * The instant at which clocks in `timeZone` show `local` ("YYYY-MM-DDTHH:mm", as a datetime-local input
 * sends it). Returns null when `local` is not such a date-time or the zone is unknown.
 */
export function zonedLocalToUtc(local: string, timeZone: string): Date | null {
	const wall = parseLocal(local);
	if (!wall || !isValidTimeZone(timeZone)) return null;
	const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
	// The offsets in force a day before and a day after: zones change offset at most once in two days.
	const before = offsetAt(asUtc - DAY_MS, timeZone);
	const after = offsetAt(asUtc + DAY_MS, timeZone);
	const candidates = [...new Set([asUtc - before, asUtc - after])]
		.filter((instant) => wallClockMs(instant, timeZone) === asUtc)
		.sort((a, b) => a - b);
	// One candidate: the usual case. Two: an overlap, take the earlier. None: a gap, read the time with
	// the offset from before the change, which lands after the gap by its length.
	return new Date(candidates[0] ?? asUtc - before);
}

/** What a datetime-local input shows for `date` in `timeZone`: "YYYY-MM-DDTHH:mm". */
export function utcToZonedLocal(date: Date, timeZone: string): string {
	return new Date(wallClockMs(date.getTime(), timeZone)).toISOString().slice(0, 16);
}
