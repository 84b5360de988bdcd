// The learner's calendar day in their own IANA time zone, computed with Intl only.
//
// A "learner day" runs from local midnight (inclusive) to the next local midnight (exclusive).
// Days are not always 24 hours long: 23 h or 25 h across daylight-saving changes, and a zone
// may skip a date entirely (Pacific/Apia skipped 2011-12-30). Where local midnight does not exist
// (a DST gap at 00:00) the day starts at the first instant that carries its date, and where it
// happens twice (a fall-back to 00:00) the day starts at the first of them.

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
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
	if (typeof timeZone !== 'string' || timeZone.trim() === '') return false;
	try {
		formatter(timeZone);
		return true;
	} catch {
		return false;
	}
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
	for (const part of formatter(timeZone).formatToParts(t)) {
		if (part.type in w) w[part.type as keyof Wall] = Number(part.value);
	}
	return w;
}

function checkedTime(date: Date, what: string): number {
	const t = date instanceof Date ? date.getTime() : NaN;
	if (!Number.isFinite(t)) throw new RangeError(`${what} must be a valid Date`);
	return t;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const keyOf = (w: { year: number; month: number; day: number }) =>
	`${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
const keyAt = (t: number, timeZone: string) => keyOf(wallTime(t, timeZone));

/** The local calendar date of `date` in `timeZone`, as 'YYYY-MM-DD'. */
export function learnerDayKey(date: Date, timeZone: string): string {
	return keyAt(checkedTime(date, 'date'), timeZone);
}

/** Local time minus UTC at instant t, in ms (whole seconds; sub-second offsets have not been used since 1972). */
function offsetAt(t: number, timeZone: string): number {
	const w = wallTime(t, timeZone);
	const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	return asUtc - Math.floor(t / 1000) * 1000;
}

const HOUR = 3_600_000;

/** The first instant whose local date is `key` or later; `wall` is that date's midnight read as UTC. */
function firstInstantFrom(key: string, wall: number, timeZone: string): number {
	// Fast path: the usual wall-clock-minus-offset guess, refined once for an offset change nearby.
	let t = wall - offsetAt(wall, timeZone);
	t = wall - offsetAt(t, timeZone);
	if (keyAt(t, timeZone) >= key && keyAt(t - 1, timeZone) < key) return t;

	// Otherwise (no local midnight, or two of them): binary search. Offsets lie within UTC-12..UTC+14.
	let lo = wall - 16 * HOUR; // local date before `key`
	let hi = wall + 14 * HOUR; // local date `key` or later
	while (keyAt(lo, timeZone) >= key) lo -= 24 * HOUR;
	while (keyAt(hi, timeZone) < key) hi += 24 * HOUR;
	while (hi - lo > 1) {
		const mid = lo + Math.floor((hi - lo) / 2);
		if (keyAt(mid, timeZone) >= key) hi = mid;
		else lo = mid;
	}
	return hi;
}

function dayStart(year: number, month: number, day: number, timeZone: string): number {
	const wall = Date.UTC(year, month - 1, day);
	const d = new Date(wall);
	return firstInstantFrom(
		keyOf({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() }),
		wall,
		timeZone
	);
}

/** The instant of local midnight that starts the learner's day containing `now`. */
export function startOfLearnerDay(now: Date, timeZone: string): Date {
	const w = wallTime(checkedTime(now, 'now'), timeZone);
	return new Date(dayStart(w.year, w.month, w.day, timeZone));
}

/** The instant the learner's day containing `now` ends: the next local midnight (exclusive end). */
export function endOfLearnerDay(now: Date, timeZone: string): Date {
	const w = wallTime(checkedTime(now, 'now'), timeZone);
	return new Date(dayStart(w.year, w.month, w.day + 1, timeZone)); // Date.UTC rolls day 32 into the next month
}

/** Whether a card due at `due` is due on the learner's local today: due before today's local end (overdue cards included). */
export function isDueToday(due: Date, now: Date, timeZone: string): boolean {
	return checkedTime(due, 'due') < endOfLearnerDay(now, timeZone).getTime();
}
