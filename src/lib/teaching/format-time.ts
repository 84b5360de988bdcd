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
