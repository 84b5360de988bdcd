import { describe, expect, it } from 'vitest';
import {
	activityPerDay,
	countPerDay,
	dayKeys,
	dueForecast,
	masteryBy,
	retentionPerWeek,
	trueRetention
} from './progress.ts';

describe('progress figures', () => {
	it('lists learner days without gaps or doubles across a DST change', () => {
		const keys = dayKeys(new Date('2026-03-07T12:00:00Z'), 4, 'America/New_York');
		expect(keys).toEqual(['2026-03-07', '2026-03-08', '2026-03-09', '2026-03-10']);
	});
	it("counts reviews on the learner's day, not UTC's", () => {
		const keys = ['2026-06-01', '2026-06-02'];
		// 23:30 in New York on 1 June is 03:30 UTC on 2 June.
		const counts = countPerDay(
			[new Date('2026-06-02T03:30:00Z'), new Date('2026-06-02T15:00:00Z')],
			keys,
			'America/New_York'
		);
		expect(counts).toEqual([
			{ day: '2026-06-01', count: 1 },
			{ day: '2026-06-02', count: 1 }
		]);
	});
	it('puts overdue cards on today in the forecast', () => {
		const now = new Date('2026-06-10T12:00:00Z');
		const f = dueForecast(
			[
				new Date('2026-06-01T00:00:00Z'),
				new Date('2026-06-10T20:00:00Z'),
				new Date('2026-06-12T09:00:00Z')
			],
			now,
			3,
			'UTC'
		);
		expect(f.map((d) => d.count)).toEqual([2, 0, 1]);
	});
	it('computes true retention on review-state cards only', () => {
		expect(
			trueRetention([
				{ rating: 'good', stateBefore: 'review' },
				{ rating: 'again', stateBefore: 'review' },
				{ rating: 'hard', stateBefore: 'review' },
				{ rating: 'again', stateBefore: 'learning' }
			])
		).toEqual({ retention: 2 / 3, reviews: 3 });
		// Reviews of cards not yet due (a practice quiz the day after) do not count; due later the same
		// learner day does (in New York, 23:00 on 1 June is 03:00Z on the 2nd).
		const at = (iso: string) => new Date(iso);
		expect(
			trueRetention(
				[
					{
						rating: 'good',
						stateBefore: 'review',
						dueBefore: at('2026-06-10T09:00:00Z'),
						reviewedAt: at('2026-06-02T09:00:00Z')
					},
					{
						rating: 'again',
						stateBefore: 'review',
						dueBefore: at('2026-06-02T03:00:00Z'),
						reviewedAt: at('2026-06-01T15:00:00Z')
					},
					{
						rating: 'good',
						stateBefore: 'review',
						dueBefore: at('2026-06-01T09:00:00Z'),
						reviewedAt: at('2026-06-03T09:00:00Z')
					}
				],
				'America/New_York',
				0
			)
		).toEqual({ retention: 1 / 2, reviews: 2 });
		expect(trueRetention([{ rating: 'good', stateBefore: 'new' }])).toEqual({
			retention: null,
			reviews: 0
		});
	});
	it('counts mastery per group', () => {
		const rows = masteryBy(
			[
				{ id: 'a', groups: ['niger'] },
				{ id: 'b', groups: ['niger', 'barkhane'] },
				{ id: 'c', groups: ['barkhane'] }
			],
			new Map([
				['a', { state: 'review', retrievability: 0.95 }],
				['b', { state: 'learning', retrievability: 0.99 }]
			]),
			0.9
		);
		expect(rows).toEqual([
			{ group: 'niger', questions: 2, seen: 2, known: 1, percent: 50 },
			{ group: 'barkhane', questions: 2, seen: 1, known: 0, percent: 0 }
		]);
	});
	it('keeps reviews apart from quiz answers per day', () => {
		const at = (iso: string) => new Date(iso);
		expect(
			activityPerDay(
				[
					{ reviewedAt: at('2026-06-01T09:00:00Z'), source: 'review' },
					{ reviewedAt: at('2026-06-01T10:00:00Z'), source: 'practice' },
					{ reviewedAt: at('2026-06-02T10:00:00Z'), source: 'assignment' }
				],
				['2026-06-01', '2026-06-02'],
				'UTC'
			)
		).toEqual([
			{ day: '2026-06-01', reviews: 1, quiz: 1 },
			{ day: '2026-06-02', reviews: 0, quiz: 1 }
		]);
	});
	it('computes true retention per week of learner days, oldest first', () => {
		const now = new Date('2026-06-14T12:00:00Z');
		const review = (iso: string, rating: string) => ({
			rating,
			stateBefore: 'review',
			dueBefore: new Date('2026-05-01T00:00:00Z'),
			reviewedAt: new Date(iso)
		});
		const weeks = retentionPerWeek(
			[
				review('2026-05-31T12:00:00Z', 'good'), // before the two weeks: not counted
				review('2026-06-08T12:00:00Z', 'good'),
				review('2026-06-09T12:00:00Z', 'again'),
				review('2026-06-14T08:00:00Z', 'good')
			],
			now,
			2,
			'UTC'
		);
		expect(weeks).toEqual([
			{ week: '2026-06-01', retention: null, reviews: 0 },
			{ week: '2026-06-08', retention: 2 / 3, reviews: 3 }
		]);
	});
});
