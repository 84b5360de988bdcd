import { isValidTimeZone } from '../time/zones.ts';

// Times as a person reads them, in a given IANA zone, with the zone named so nobody has to guess.
export function formatInZone(date: Date, timeZone: string): string {
	return new Intl.DateTimeFormat('en-GB', {
		weekday: 'short',
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		timeZone,
		timeZoneName: 'short'
	}).format(date);
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
