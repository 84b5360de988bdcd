import { describe, expect, test } from 'vitest';
import { fixedClock, systemClock } from './clock.ts';

describe('systemClock', () => {
	test('reads the real time', () => {
		const before = Date.now();
		const now = systemClock.now().getTime();
		expect(now).toBeGreaterThanOrEqual(before);
		expect(now).toBeLessThanOrEqual(Date.now());
	});
});

describe('fixedClock', () => {
	test('stands still until advanced', () => {
		const clock = fixedClock(new Date('2026-03-08T06:00:00Z'));
		expect(clock.now()).toEqual(new Date('2026-03-08T06:00:00Z'));
		expect(clock.now()).toEqual(new Date('2026-03-08T06:00:00Z'));
	});

	test('advance moves forward and back by milliseconds and returns the new time', () => {
		const clock = fixedClock(new Date('2026-03-08T06:00:00Z'));
		expect(clock.advance(90 * 60_000)).toEqual(new Date('2026-03-08T07:30:00Z'));
		expect(clock.now()).toEqual(new Date('2026-03-08T07:30:00Z'));
		clock.advance(3 * 86_400_000);
		expect(clock.now()).toEqual(new Date('2026-03-11T07:30:00Z'));
		clock.advance(-1);
		expect(clock.now()).toEqual(new Date('2026-03-11T07:29:59.999Z'));
		clock.set(new Date('2030-01-01T00:00:00Z'));
		expect(clock.now()).toEqual(new Date('2030-01-01T00:00:00Z'));
	});

	test('neither the start date nor returned dates can change the clock', () => {
		const start = new Date('2026-01-01T00:00:00Z');
		const clock = fixedClock(start);
		start.setUTCFullYear(1999);
		clock.now().setUTCFullYear(2000);
		expect(clock.now()).toEqual(new Date('2026-01-01T00:00:00Z'));
	});

	test('rejects invalid dates and steps', () => {
		expect(() => fixedClock(new Date(NaN))).toThrow(RangeError);
		const clock = fixedClock(new Date(0));
		expect(() => clock.advance(Number.NaN)).toThrow(RangeError);
		expect(() => clock.set(new Date('nonsense'))).toThrow(RangeError);
		expect(clock.now()).toEqual(new Date(0));
	});
});
