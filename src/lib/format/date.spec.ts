import { describe, expect, test } from 'vitest';
import { formatCalendarDay, formatDate, formatDateTime, zoneLabel } from './date.ts';

describe('one way to write dates', () => {
	const instant = new Date('2026-12-04T23:30:00Z');
	test('in the viewer’s zone: the day can differ from UTC', () => {
		expect(formatDate(instant, 'UTC')).toBe('Fri 4 Dec 2026');
		expect(formatDate(instant, 'Africa/Lagos')).toBe('Sat 5 Dec 2026');
		expect(formatDateTime(instant, 'Africa/Lagos')).toBe('Sat 5 Dec 2026, 00:30');
	});
	test('due times name the zone', () => {
		expect(formatDateTime(instant, 'UTC', { showZone: true })).toBe('Fri 4 Dec 2026, 23:30 (UTC)');
		expect(zoneLabel(instant, 'America/New_York')).toBe('America/New York, GMT-5');
	});
	test('an unknown zone falls back to UTC instead of failing the page', () => {
		expect(formatDate(instant, 'Mars/Olympus')).toBe('Fri 4 Dec 2026');
	});
	test('calendar days (no instant) stay the same day', () => {
		expect(formatCalendarDay('2022-02-17')).toBe('Thu 17 Feb 2022');
	});
});
