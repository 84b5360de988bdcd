import { describe, expect, it } from 'vitest';
import { formatZoned, isValidTimeZone, utcToZonedLocal, zonedLocalToUtc } from './zoned-time.ts';

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('zonedLocalToUtc', () => {
	it('reads a wall-clock time in UTC and in fixed and seasonal zones', () => {
		expect(iso(zonedLocalToUtc('2026-01-15T09:00', 'UTC'))).toBe('2026-01-15T09:00:00.000Z');
		expect(iso(zonedLocalToUtc('2026-01-15T09:00', 'Europe/Paris'))).toBe(
			'2026-01-15T08:00:00.000Z'
		);
		expect(iso(zonedLocalToUtc('2026-07-15T09:00', 'Europe/Paris'))).toBe(
			'2026-07-15T07:00:00.000Z'
		);
		expect(iso(zonedLocalToUtc('2026-07-15T09:00', 'Africa/Bamako'))).toBe(
			'2026-07-15T09:00:00.000Z'
		);
		expect(iso(zonedLocalToUtc('2026-07-15T09:00', 'Asia/Kolkata'))).toBe(
			'2026-07-15T03:30:00.000Z'
		);
		expect(iso(zonedLocalToUtc('2026-07-15T09:00', 'America/New_York'))).toBe(
			'2026-07-15T13:00:00.000Z'
		);
	});

	it('crosses the date line both ways', () => {
		expect(iso(zonedLocalToUtc('2026-01-01T00:30', 'Pacific/Auckland'))).toBe(
			'2025-12-31T11:30:00.000Z'
		);
		expect(iso(zonedLocalToUtc('2025-12-31T23:30', 'Pacific/Honolulu'))).toBe(
			'2026-01-01T09:30:00.000Z'
		);
	});

	it('moves a time skipped by the spring-forward gap forward by the gap', () => {
		// New York: 02:00 EST jumps to 03:00 EDT on 8 March 2026, so 02:30 does not exist; it means 03:30 EDT.
		expect(iso(zonedLocalToUtc('2026-03-08T02:30', 'America/New_York'))).toBe(
			'2026-03-08T07:30:00.000Z'
		);
		expect(iso(zonedLocalToUtc('2026-03-08T01:59', 'America/New_York'))).toBe(
			'2026-03-08T06:59:00.000Z'
		);
		expect(iso(zonedLocalToUtc('2026-03-08T03:00', 'America/New_York'))).toBe(
			'2026-03-08T07:00:00.000Z'
		);
		// Paris: 02:00 CET jumps to 03:00 CEST on 29 March 2026.
		expect(iso(zonedLocalToUtc('2026-03-29T02:15', 'Europe/Paris'))).toBe(
			'2026-03-29T01:15:00.000Z'
		);
	});

	it('takes the earlier of a time that happens twice in the autumn overlap', () => {
		// New York: 02:00 EDT falls back to 01:00 EST on 1 November 2026; 01:30 happens at 05:30Z and 06:30Z.
		expect(iso(zonedLocalToUtc('2026-11-01T01:30', 'America/New_York'))).toBe(
			'2026-11-01T05:30:00.000Z'
		);
		expect(iso(zonedLocalToUtc('2026-11-01T02:30', 'America/New_York'))).toBe(
			'2026-11-01T07:30:00.000Z'
		);
		expect(iso(zonedLocalToUtc('2026-10-25T02:30', 'Europe/Paris'))).toBe(
			'2026-10-25T00:30:00.000Z'
		);
	});

	it('accepts seconds and refuses what is not a real date-time or zone', () => {
		expect(iso(zonedLocalToUtc('2026-01-15T09:00:30', 'UTC'))).toBe('2026-01-15T09:00:30.000Z');
		expect(zonedLocalToUtc('2026-02-30T09:00', 'UTC')).toBeNull();
		expect(zonedLocalToUtc('2026-01-15T24:00', 'UTC')).toBeNull();
		expect(zonedLocalToUtc('2026-01-15 09:00', 'UTC')).toBeNull();
		expect(zonedLocalToUtc('', 'UTC')).toBeNull();
		expect(zonedLocalToUtc('2026-01-15T09:00', 'Mars/Olympus_Mons')).toBeNull();
	});
});

describe('utcToZonedLocal', () => {
	it('is the inverse for times that exist once', () => {
		for (const [local, zone] of [
			['2026-01-15T09:00', 'Europe/Paris'],
			['2026-07-15T23:45', 'America/New_York'],
			['2026-03-08T03:30', 'America/New_York'],
			['2026-06-01T00:00', 'Asia/Kolkata']
		] as const) {
			expect(utcToZonedLocal(zonedLocalToUtc(local, zone)!, zone)).toBe(local);
		}
	});
});

describe('isValidTimeZone', () => {
	it('knows IANA names and refuses the rest', () => {
		expect(isValidTimeZone('UTC')).toBe(true);
		expect(isValidTimeZone('Africa/Niamey')).toBe(true);
		expect(isValidTimeZone('')).toBe(false);
		expect(isValidTimeZone('Not/AZone')).toBe(false);
	});
});

describe('formatZoned', () => {
	it('shows the wall-clock time of the zone and names the zone', () => {
		const due = new Date('2026-03-08T07:30:00Z');
		const text = formatZoned(due, 'America/New_York');
		expect(text).toContain('8 Mar 2026');
		expect(text).toContain('03:30');
		expect(text).toContain('America/New_York');
		expect(formatZoned(due, 'UTC')).toMatch(/07:30 \(UTC\)$/);
	});

	it('falls back to UTC for an unknown zone', () => {
		expect(formatZoned(new Date('2026-03-08T07:30:00Z'), 'Nowhere/Land')).toMatch(/07:30 \(UTC\)$/);
	});
});
