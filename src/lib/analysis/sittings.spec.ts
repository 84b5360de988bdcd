import { describe, expect, it } from 'vitest';
import { firstSittings } from './sittings.ts';

const at = (minute: number) => new Date(Date.UTC(2026, 10, 3, 9, minute));

describe('first sittings', () => {
	it("keeps each student's earliest sitting of each work, whatever order they come in", () => {
		expect(
			firstSittings([
				{ id: 'homework-again', userId: 'ana', work: 'hw', startedAt: at(30) },
				{ id: 'live', userId: 'ana', work: 'hw', startedAt: at(10) },
				{ id: 'homework', userId: 'ana', work: 'hw', startedAt: at(20) },
				{ id: 'other-work', userId: 'ana', work: 'quiz', startedAt: at(40) },
				{ id: 'ben-first', userId: 'ben', work: 'hw', startedAt: at(50) }
			])
		).toEqual(new Set(['live', 'other-work', 'ben-first']));
	});

	it('breaks a tie of start times by id, so the choice never depends on row order', () => {
		const tied = [
			{ id: 'b', userId: 'ana', work: 'hw', startedAt: at(5) },
			{ id: 'a', userId: 'ana', work: 'hw', startedAt: at(5) }
		];
		expect(firstSittings(tied)).toEqual(new Set(['a']));
		expect(firstSittings(tied.toReversed())).toEqual(new Set(['a']));
	});
});
