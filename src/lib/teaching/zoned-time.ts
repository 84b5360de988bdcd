// Wall-clock times in a named IANA time zone, with Intl only (no time-zone database of our own).
// A teacher types "2026-03-08T02:30" in a datetime-local input and means it in their own zone; the
// server turns that into an instant. Daylight-saving edges follow Temporal's "compatible" rule:
// a time skipped by a spring-forward gap moves forward by the gap (02:30 → 03:30), and a time that
// happens twice in an autumn overlap means the earlier of the two.

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DAY_MS = 24 * 60 * 60 * 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
	let f = formatters.get(timeZone);
	if (!f) {
		f = new Intl.DateTimeFormat('en-US', {
			timeZone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit'
		});
		formatters.set(timeZone, f);
	}
	return f;
}

/** True for a time zone Intl knows ("Europe/Paris", "UTC"); false for anything else. */
export function isValidTimeZone(timeZone: string): boolean {
	if (!timeZone || timeZone.length > 64) return false;
	try {
		partsFormatter(timeZone);
		return true;
	} catch {
		return false;
	}
}

type WallClock = {
	year: number;
	month: number;
	day: number;
	hour: number;
	minute: number;
	second: number;
};

/** The wall clock of `instant` (ms since the epoch) in `timeZone`, as if it were UTC: ms since the epoch. */
function wallClockMs(instant: number, timeZone: string): number {
	const parts: Record<string, number> = {};
	for (const p of partsFormatter(timeZone).formatToParts(new Date(instant))) {
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
}

/** The zone's offset from UTC at `instant`, in ms (Paris in winter: +3 600 000). */
function offsetAt(instant: number, timeZone: string): number {
	const whole = Math.floor(instant / 1000) * 1000;
	return wallClockMs(whole, timeZone) - whole;
}

function parseLocal(local: string): WallClock | null {
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

/** The zone's short name at that date as the English locale gives it ("GMT+1", "CET", "UTC"). */
// Building an Intl.DateTimeFormat costs far more than using one (a gradebook header formats 20 dates
// per request): one of each kind per zone, kept.
const zoneNameFormatters = new Map<string, Intl.DateTimeFormat>();
const readableFormatters = new Map<string, Intl.DateTimeFormat>();

function shortZoneName(date: Date, timeZone: string): string {
	let f = zoneNameFormatters.get(timeZone);
	if (!f)
		zoneNameFormatters.set(
			timeZone,
			(f = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'short' }))
		);
	const part = f.formatToParts(date).find((p) => p.type === 'timeZoneName');
	return part?.value ?? '';
}

/**
 * A date and time as people read it, in `timeZone`, with the zone named: "Sun 8 Mar 2026, 03:30
 * (America/New_York, GMT-4)". Unknown zones fall back to UTC rather than throwing.
 */
export function formatZoned(date: Date | string, timeZone: string): string {
	const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
	const when = new Date(date);
	let readable = readableFormatters.get(zone);
	if (!readable) {
		readable = new Intl.DateTimeFormat('en-GB', {
			timeZone: zone,
			weekday: 'short',
			day: 'numeric',
			month: 'short',
			year: 'numeric',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		});
		readableFormatters.set(zone, readable);
	}
	const text = readable.format(when);
	const short = shortZoneName(when, zone);
	const label = zone === 'UTC' || !short || short === zone ? zone : `${zone}, ${short}`;
	return `${text} (${label})`;
}
