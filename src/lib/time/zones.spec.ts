import { describe, expect, it, test } from 'vitest';
import {
	endOfLearnerDay,
	isDueToday,
	isValidTimeZone,
	learnerClockMs,
	learnerDayKey,
	learnerDayNumber,
	startOfLearnerDay,
	utcToZonedLocal,
	zonedLocalToUtc
} from './zones.ts';

const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);
const hours = (a: Date, b: Date) => (b.getTime() - a.getTime()) / HOUR;
/** Local wall time of an instant, e.g. '2026-03-08 00:00:00', read back through Intl independently of zones.ts. */
const localWall = (date: Date, timeZone: string) =>
	new Intl.DateTimeFormat('sv-SE', {
		timeZone,
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
		hourCycle: 'h23'
	}).format(date);

describe('learnerDayKey', () => {
	test('is the local calendar date in the zone', () => {
		const instant = at('2026-01-15T12:30:00Z');
		expect(learnerDayKey(instant, 'UTC')).toBe('2026-01-15');
		expect(learnerDayKey(instant, 'Pacific/Auckland')).toBe('2026-01-16'); // 01:30 NZDT
		expect(learnerDayKey(instant, 'America/New_York')).toBe('2026-01-15'); // 07:30 EST
		expect(learnerDayKey(at('2026-01-15T04:59:59.999Z'), 'America/New_York')).toBe('2026-01-14');
		expect(learnerDayKey(at('2026-01-15T05:00:00Z'), 'America/New_York')).toBe('2026-01-15');
	});

	test('pads months, days and years', () => {
		expect(learnerDayKey(at('2026-02-03T10:00:00Z'), 'Europe/Paris')).toBe('2026-02-03');
		expect(learnerDayKey(at('0999-02-03T10:00:00Z'), 'UTC')).toBe('0999-02-03');
	});
});

describe('startOfLearnerDay / endOfLearnerDay', () => {
	test('Pacific/Auckland in summer (UTC+13): the local day begins the previous UTC morning', () => {
		const now = at('2026-01-15T12:00:00Z'); // 2026-01-16 01:00 local
		expect(startOfLearnerDay(now, 'Pacific/Auckland')).toEqual(at('2026-01-15T11:00:00Z'));
		expect(endOfLearnerDay(now, 'Pacific/Auckland')).toEqual(at('2026-01-16T11:00:00Z'));
	});

	test('Pacific/Auckland: 25 h when DST ends (2026-04-05) and 23 h when it starts (2026-09-27)', () => {
		const april = at('2026-04-05T00:00:00Z');
		expect(startOfLearnerDay(april, 'Pacific/Auckland')).toEqual(at('2026-04-04T11:00:00Z'));
		expect(endOfLearnerDay(april, 'Pacific/Auckland')).toEqual(at('2026-04-05T12:00:00Z'));
		const september = at('2026-09-27T00:00:00Z');
		expect(startOfLearnerDay(september, 'Pacific/Auckland')).toEqual(at('2026-09-26T12:00:00Z'));
		expect(endOfLearnerDay(september, 'Pacific/Auckland')).toEqual(at('2026-09-27T11:00:00Z'));
		expect(
			hours(
				startOfLearnerDay(september, 'Pacific/Auckland'),
				endOfLearnerDay(september, 'Pacific/Auckland')
			)
		).toBe(23);
	});

	test('America/New_York, 2026-03-08 (clocks jump 02:00 → 03:00): a 23-hour day from 05:00Z to 04:00Z', () => {
		for (const now of [
			at('2026-03-08T05:00:00Z'),
			at('2026-03-08T06:59:59Z'),
			at('2026-03-08T07:00:00Z'),
			at('2026-03-09T03:59:59.999Z')
		]) {
			const start = startOfLearnerDay(now, 'America/New_York');
			const end = endOfLearnerDay(now, 'America/New_York');
			expect(start).toEqual(at('2026-03-08T05:00:00Z'));
			expect(end).toEqual(at('2026-03-09T04:00:00Z'));
			expect(hours(start, end)).toBe(23);
		}
		// The day before is an ordinary 24 hours in EST, the day after 24 hours in EDT.
		const saturday = at('2026-03-07T20:00:00Z');
		expect(
			hours(
				startOfLearnerDay(saturday, 'America/New_York'),
				endOfLearnerDay(saturday, 'America/New_York')
			)
		).toBe(24);
		const monday = at('2026-03-09T04:00:00Z');
		expect(startOfLearnerDay(monday, 'America/New_York')).toEqual(at('2026-03-09T04:00:00Z'));
		expect(endOfLearnerDay(monday, 'America/New_York')).toEqual(at('2026-03-10T04:00:00Z'));
	});

	test('America/New_York, 2026-11-01 (clocks fall back): a 25-hour day', () => {
		const now = at('2026-11-01T16:00:00Z');
		expect(startOfLearnerDay(now, 'America/New_York')).toEqual(at('2026-11-01T04:00:00Z'));
		expect(endOfLearnerDay(now, 'America/New_York')).toEqual(at('2026-11-02T05:00:00Z'));
	});

	test('Europe/Paris: 23 h on 2026-03-29, 25 h on 2026-10-25, 24 h otherwise', () => {
		const march = at('2026-03-29T12:00:00Z');
		expect(startOfLearnerDay(march, 'Europe/Paris')).toEqual(at('2026-03-28T23:00:00Z'));
		expect(endOfLearnerDay(march, 'Europe/Paris')).toEqual(at('2026-03-29T22:00:00Z'));
		const october = at('2026-10-25T12:00:00Z');
		expect(startOfLearnerDay(october, 'Europe/Paris')).toEqual(at('2026-10-24T22:00:00Z'));
		expect(endOfLearnerDay(october, 'Europe/Paris')).toEqual(at('2026-10-25T23:00:00Z'));
		const june = at('2026-06-10T21:59:59Z'); // 23:59:59 local
		expect(startOfLearnerDay(june, 'Europe/Paris')).toEqual(at('2026-06-09T22:00:00Z'));
		expect(endOfLearnerDay(june, 'Europe/Paris')).toEqual(at('2026-06-10T22:00:00Z'));
	});

	test('end of month and year roll over', () => {
		expect(endOfLearnerDay(at('2026-12-31T12:00:00Z'), 'Europe/Paris')).toEqual(
			at('2026-12-31T23:00:00Z')
		);
		expect(
			learnerDayKey(endOfLearnerDay(at('2026-12-31T12:00:00Z'), 'Europe/Paris'), 'Europe/Paris')
		).toBe('2027-01-01');
		expect(endOfLearnerDay(at('2028-02-28T12:00:00Z'), 'UTC')).toEqual(at('2028-02-29T00:00:00Z'));
	});

	test('where local midnight does not exist (DST gap at 00:00), the day starts at 01:00', () => {
		// America/Santiago, 2026-09-06: 00:00 → 01:00.
		const start = startOfLearnerDay(at('2026-09-06T12:00:00Z'), 'America/Santiago');
		expect(start).toEqual(at('2026-09-06T04:00:00Z'));
		expect(localWall(start, 'America/Santiago')).toBe('2026-09-06 01:00:00');
		expect(endOfLearnerDay(at('2026-09-05T12:00:00Z'), 'America/Santiago')).toEqual(start);
	});

	test('where midnight happens twice (America/Havana falls back 01:00 → 00:00 on 2026-11-01), the day starts at the first', () => {
		expect(startOfLearnerDay(at('2026-11-01T12:00:00Z'), 'America/Havana')).toEqual(
			at('2026-11-01T04:00:00Z')
		);
		expect(endOfLearnerDay(at('2026-10-31T12:00:00Z'), 'America/Havana')).toEqual(
			at('2026-11-01T04:00:00Z')
		);
	});

	test('a skipped date (Pacific/Apia had no 2011-12-30): 29 December ends where 31 December begins', () => {
		const end = endOfLearnerDay(at('2011-12-29T22:00:00Z'), 'Pacific/Apia');
		expect(end).toEqual(at('2011-12-30T10:00:00Z'));
		expect(learnerDayKey(end, 'Pacific/Apia')).toBe('2011-12-31');
		expect(startOfLearnerDay(end, 'Pacific/Apia')).toEqual(end);
	});

	test('invariants every 5 hours through 2026 in several zones', () => {
		const zones = [
			'Pacific/Auckland',
			'America/New_York',
			'Europe/Paris',
			'Australia/Lord_Howe',
			'Asia/Kolkata',
			'America/Santiago',
			'UTC'
		];
		for (const zone of zones) {
			for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += 5 * HOUR) {
				const now = new Date(t);
				const start = startOfLearnerDay(now, zone);
				const end = endOfLearnerDay(now, zone);
				const key = learnerDayKey(now, zone);
				expect(start.getTime()).toBeLessThanOrEqual(t);
				expect(end.getTime()).toBeGreaterThan(t);
				expect(learnerDayKey(start, zone)).toBe(key);
				expect(learnerDayKey(new Date(start.getTime() - 1), zone) < key).toBe(true);
				expect(learnerDayKey(new Date(end.getTime() - 1), zone)).toBe(key);
				expect(learnerDayKey(end, zone) > key).toBe(true);
				const length = hours(start, end);
				expect(length).toBeGreaterThanOrEqual(23);
				expect(length).toBeLessThanOrEqual(25);
			}
		}
	});

	test('unknown zones and invalid dates are rejected', () => {
		expect(() => startOfLearnerDay(at('2026-01-01T00:00:00Z'), 'Mars/Olympus_Mons')).toThrow(
			RangeError
		);
		expect(() => endOfLearnerDay(at('2026-01-01T00:00:00Z'), 'Nowhere')).toThrow(
			/unknown time zone/
		);
		expect(() => learnerDayKey(new Date(NaN), 'UTC')).toThrow(RangeError);
	});
});

describe('isDueToday', () => {
	test('America/New_York on the 23-hour day: due up to local 23:59:59.999 is today, local midnight is tomorrow', () => {
		const now = at('2026-03-08T16:00:00Z'); // 12:00 EDT
		expect(isDueToday(at('2026-03-09T03:59:59.999Z'), now, 'America/New_York')).toBe(true);
		expect(isDueToday(at('2026-03-09T04:00:00Z'), now, 'America/New_York')).toBe(false);
		// 04:30Z would still be "today" with a naive 24 h day from 05:00Z.
		expect(isDueToday(at('2026-03-09T04:30:00Z'), now, 'America/New_York')).toBe(false);
	});

	test('overdue cards and cards due earlier today are due', () => {
		const now = at('2026-06-10T12:00:00Z');
		expect(isDueToday(at('2025-01-01T00:00:00Z'), now, 'Europe/Paris')).toBe(true);
		expect(isDueToday(at('2026-06-10T11:59:00Z'), now, 'Europe/Paris')).toBe(true);
		expect(isDueToday(now, now, 'Europe/Paris')).toBe(true);
	});

	test('a card due at 00:30 local becomes due today when the learner passes local midnight', () => {
		const due = at('2026-01-15T11:30:00Z'); // 2026-01-16 00:30 in Auckland
		expect(isDueToday(due, at('2026-01-15T10:59:59.999Z'), 'Pacific/Auckland')).toBe(false); // 23:59:59.999 on the 15th
		expect(isDueToday(due, at('2026-01-15T11:00:00Z'), 'Pacific/Auckland')).toBe(true); // 00:00 on the 16th
		// Same instants, another zone: in Paris it is still 15 January midday, and due is at 12:30 → due today both times.
		expect(isDueToday(due, at('2026-01-15T10:59:59.999Z'), 'Europe/Paris')).toBe(true);
		// In New York the due instant is 06:30 on the 15th, and now (05:59) is the same day.
		expect(isDueToday(due, at('2026-01-15T10:59:59.999Z'), 'America/New_York')).toBe(true);
		expect(
			isDueToday(at('2026-01-16T05:00:00Z'), at('2026-01-15T10:59:59.999Z'), 'America/New_York')
		).toBe(false);
	});
});

describe('isValidTimeZone', () => {
	test('accepts IANA names and UTC, rejects the rest', () => {
		for (const tz of [
			'Europe/Paris',
			'Pacific/Auckland',
			'America/New_York',
			'UTC',
			'Africa/Bamako'
		])
			expect(isValidTimeZone(tz)).toBe(true);
		for (const tz of ['Mars/Olympus_Mons', '', '   ', 'Europe/Pariss', 42, null, undefined])
			expect(isValidTimeZone(tz)).toBe(false);
	});
});

const iso = (d: Date | null) => d?.toISOString() ?? null;

describe('zonedLocalToUtc', () => {
	it.each([
		// UTC, fixed and seasonal zones.
		['2026-01-15T09:00', 'UTC', '2026-01-15T09:00:00.000Z'],
		['2026-01-15T09:00', 'Europe/Paris', '2026-01-15T08:00:00.000Z'],
		['2026-07-15T09:00', 'Europe/Paris', '2026-07-15T07:00:00.000Z'],
		['2026-07-15T09:00', 'Africa/Bamako', '2026-07-15T09:00:00.000Z'],
		['2026-07-15T09:00', 'Asia/Kolkata', '2026-07-15T03:30:00.000Z'],
		['2026-07-15T09:00', 'America/New_York', '2026-07-15T13:00:00.000Z'],
		// Across the date line, both ways.
		['2026-01-01T00:30', 'Pacific/Auckland', '2025-12-31T11:30:00.000Z'],
		['2025-12-31T23:30', 'Pacific/Honolulu', '2026-01-01T09:30:00.000Z'],
		// A time skipped by the spring-forward gap moves forward by the gap: New York jumps from 02:00 EST to
		// 03:00 EDT on 8 March 2026, so 02:30 means 03:30 EDT; Paris from 02:00 CET to 03:00 CEST on 29 March.
		['2026-03-08T02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
		['2026-03-08T01:59', 'America/New_York', '2026-03-08T06:59:00.000Z'],
		['2026-03-08T03:00', 'America/New_York', '2026-03-08T07:00:00.000Z'],
		['2026-03-29T02:15', 'Europe/Paris', '2026-03-29T01:15:00.000Z'],
		// A time that happens twice in the autumn overlap is the earlier: New York falls back from 02:00 EDT
		// to 01:00 EST on 1 November 2026, so 01:30 happens at 05:30Z and 06:30Z.
		['2026-11-01T01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
		['2026-11-01T02:30', 'America/New_York', '2026-11-01T07:30:00.000Z'],
		['2026-10-25T02:30', 'Europe/Paris', '2026-10-25T00:30:00.000Z']
	])('reads %s in %s as %s', (local, zone, utc) => {
		expect(iso(zonedLocalToUtc(local, zone))).toBe(utc);
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

describe('isValidTimeZone (teacher zones)', () => {
	it('knows IANA names and refuses the rest', () => {
		expect(isValidTimeZone('UTC')).toBe(true);
		expect(isValidTimeZone('Africa/Niamey')).toBe(true);
		expect(isValidTimeZone('')).toBe(false);
		expect(isValidTimeZone('Not/AZone')).toBe(false);
	});
});

describe('the day rollover hour (a learner day from 4 am to 4 am)', () => {
	test('a review after midnight and before the rollover counts on the previous day', () => {
		expect(learnerDayKey(at('2026-01-15T02:30:00Z'), 'UTC', 4)).toBe('2026-01-14');
		expect(learnerDayKey(at('2026-01-15T04:00:00Z'), 'UTC', 4)).toBe('2026-01-15');
		// Paris in winter is UTC+1: 03:59 local is still the 14th, 04:00 local the 15th.
		expect(learnerDayKey(at('2026-01-15T02:59:59Z'), 'Europe/Paris', 4)).toBe('2026-01-14');
		expect(learnerDayKey(at('2026-01-15T03:00:00Z'), 'Europe/Paris', 4)).toBe('2026-01-15');
		expect(learnerDayKey(at('2026-01-15T02:30:00Z'), 'UTC', 0)).toBe('2026-01-15');
	});

	test('the day starts and ends at the rollover hour, 23 hours long across a spring-forward', () => {
		const now = at('2026-03-28T12:00:00Z');
		expect(startOfLearnerDay(now, 'Europe/Paris', 4).toISOString()).toBe(
			'2026-03-28T03:00:00.000Z'
		);
		expect(endOfLearnerDay(now, 'Europe/Paris', 4).toISOString()).toBe('2026-03-29T02:00:00.000Z');
		expect(
			hours(startOfLearnerDay(now, 'Europe/Paris', 4), endOfLearnerDay(now, 'Europe/Paris', 4))
		).toBe(23);
		// 01:00 local on the 29th (00:00Z) is still the 28th's learner day.
		expect(isDueToday(at('2026-03-29T01:59:59Z'), now, 'Europe/Paris', 4)).toBe(true);
		expect(isDueToday(at('2026-03-29T02:00:00Z'), now, 'Europe/Paris', 4)).toBe(false);
	});

	test("the learner's clock has the learner day as its UTC date, and day numbers follow it", () => {
		for (const iso of ['2026-01-15T02:30:00Z', '2026-03-29T01:30:00Z', '2026-07-01T23:59:00Z']) {
			for (const tz of ['UTC', 'Europe/Paris', 'Pacific/Auckland', 'America/New_York']) {
				const key = learnerDayKey(at(iso), tz, 4);
				expect(new Date(learnerClockMs(at(iso), tz, 4)).toISOString().slice(0, 10)).toBe(key);
				expect(learnerDayNumber(at(iso), tz, 4)).toBe(Date.parse(`${key}T00:00:00Z`) / 86_400_000);
			}
		}
	});

	test('refuses a rollover hour that is not a whole hour of the day', () => {
		expect(() => learnerDayKey(at('2026-01-15T02:30:00Z'), 'UTC', 24)).toThrow(/rollover hour/);
		expect(() => startOfLearnerDay(at('2026-01-15T02:30:00Z'), 'UTC', 1.5)).toThrow(
			/rollover hour/
		);
	});
});
