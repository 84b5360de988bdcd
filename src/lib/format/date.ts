// The one way the app writes a date or a time for people: "Fri 4 Dec 2026", "Fri 4 Dec 2026, 19:24",
// always in the viewer's time zone (their setting; UTC before they chose one), with the zone named
// where the hour matters to someone in another zone (due times). Pure: no $app, no server code, so
// pages and server modules can both use it.

const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = `${timeZone}|${JSON.stringify(options)}`;
	let f = cache.get(key);
	if (!f) {
		try {
			f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone });
		} catch {
			// An unknown zone (an old setting, a typo in data) must not take a page down: UTC instead.
			f = new Intl.DateTimeFormat('en-GB', { ...options, timeZone: 'UTC' });
		}
		cache.set(key, f);
	}
	return f;
}

const DAY: Intl.DateTimeFormatOptions = {
	weekday: 'short',
	day: 'numeric',
	month: 'short',
	year: 'numeric'
};
const TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/** "Fri 4 Dec 2026" in `timeZone`. */
export function formatDate(date: Date | string | number, timeZone = 'UTC'): string {
	return formatter(timeZone, DAY).format(new Date(date)).replace(',', '');
}

/** "Fri 4 Dec 2026, 19:24" in `timeZone`; with `showZone`, the zone follows: "… 19:24 (Africa/Lagos, WAT)". */
export function formatDateTime(
	date: Date | string | number,
	timeZone = 'UTC',
	{ showZone = false } = {}
): string {
	const when = new Date(date);
	const text = `${formatDate(when, timeZone)}, ${formatter(timeZone, TIME).format(when)}`;
	return showZone ? `${text} (${zoneLabel(when, timeZone)})` : text;
}

/** The zone as people recognise it: "UTC", "Africa/Lagos, WAT", "Europe/Paris, CET". */
export function zoneLabel(date: Date | string | number, timeZone = 'UTC'): string {
	const part = formatter(timeZone, { timeZoneName: 'short' })
		.formatToParts(new Date(date))
		.find((p) => p.type === 'timeZoneName')?.value;
	const zone = formatter(timeZone, {}).resolvedOptions().timeZone;
	if (zone === 'UTC' || !part || part === zone) return zone;
	return `${zone.replaceAll('_', ' ')}, ${part}`;
}

/** "4 Dec": short day labels for charts and dense tables, in `timeZone`. */
export function formatDayShort(date: Date | string | number, timeZone = 'UTC'): string {
	return formatter(timeZone, { day: 'numeric', month: 'short' }).format(new Date(date));
}

/** A calendar day "2026-12-04" (no instant, no zone) as "Fri 4 Dec 2026". */
export function formatCalendarDay(day: string): string {
	return formatDate(`${day}T12:00:00Z`, 'UTC');
}
