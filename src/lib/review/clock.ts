// Where "now" comes from. Code that schedules reviews takes a Clock instead of calling `new Date()`,
// so tests (and the e2e harness) can travel in time.

export type Clock = { now(): Date };

/** The real wall clock. */
export const systemClock: Clock = { now: () => new Date() };

export type FixedClock = Clock & {
	/** Moves the clock by `ms` milliseconds (negative goes back) and returns the new time. */
	advance(ms: number): Date;
	/** Jumps to an exact instant. */
	set(date: Date): void;
};

function checkedTime(date: Date): number {
	const t = date instanceof Date ? date.getTime() : NaN;
	if (!Number.isFinite(t)) throw new RangeError('fixedClock needs a valid Date');
	return t;
}

/** A clock that only moves when told to. `now()` returns a fresh Date each time, so callers cannot mutate the clock. */
export function fixedClock(date: Date): FixedClock {
	let t = checkedTime(date);
	return {
		now: () => new Date(t),
		advance(ms: number) {
			if (!Number.isFinite(ms))
				throw new RangeError(`fixedClock.advance needs a finite number of milliseconds, got ${ms}`);
			t += ms;
			return new Date(t);
		},
		set(next: Date) {
			t = checkedTime(next);
		}
	};
}
