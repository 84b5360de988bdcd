// Practice attempts are bounded per student (issue 12, item 10): an hour's and a day's starts, counted
// from the attempt table, held even when many starts arrive at once.
import { and, count, eq, isNull, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createUser } from '../../src/lib/server/auth.ts';
import { startAttempt } from '../../src/lib/server/attempts.ts';
import { syncBank } from '../../src/lib/server/bank-sync.ts';
import type { Db } from '../../src/lib/server/db/index.ts';
import { attempt } from '../../src/lib/server/db/schema.ts';
import {
	PRACTICE_STARTS_PER_DAY,
	PRACTICE_STARTS_PER_HOUR,
	RateLimitedError
} from '../../src/lib/server/rate-limit.ts';
import { loadRealBank } from '../helpers/bank.ts';
import { backends, createTestDatabase, type TestDatabase } from '../helpers/db.ts';

const bank = loadRealBank();

async function practiceCount(db: Db, userId: string) {
	const [{ n }] = await db
		.select({ n: count() })
		.from(attempt)
		.where(and(eq(attempt.userId, userId), isNull(attempt.assignmentId)));
	return n;
}

describe.each(backends())('practice limits on %s', (backend) => {
	let database: TestDatabase;
	let db: Db;

	beforeAll(async () => {
		database = await createTestDatabase(backend);
		db = database.db;
		await syncBank(db, bank);
	});
	afterAll(() => database?.dispose());

	test(`at most ${PRACTICE_STARTS_PER_HOUR} practice quizzes an hour, even started all at once; others unaffected`, async () => {
		const student = await createUser(db, {
			email: 'eager@test.example',
			password: 'a-long-password',
			displayName: 'Eager'
		});
		const results = await Promise.allSettled(
			Array.from({ length: PRACTICE_STARTS_PER_HOUR + 10 }, (_, i) =>
				startAttempt(db, student.id, { count: 1 }, `seed-${i}`)
			)
		);
		const refused = results.filter((r) => r.status === 'rejected');
		expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(PRACTICE_STARTS_PER_HOUR);
		for (const r of refused) {
			expect(r.reason).toBeInstanceOf(RateLimitedError);
			expect((r.reason as RateLimitedError).message).toMatch(
				/You have started 30 practice quizzes in the last hour/
			);
			expect((r.reason as RateLimitedError).retryAfter).toBeGreaterThan(3000);
		}
		expect(await practiceCount(db, student.id)).toBe(PRACTICE_STARTS_PER_HOUR);

		const other = await createUser(db, {
			email: 'calm@test.example',
			password: 'a-long-password',
			displayName: 'Calm'
		});
		expect((await startAttempt(db, other.id, { count: 1 })).questionCount).toBe(1);

		// An hour later the student may start again, up to the day's number.
		await db
			.update(attempt)
			.set({ startedAt: sql`${attempt.startedAt} - interval '61 minutes'` })
			.where(eq(attempt.userId, student.id));
		expect((await startAttempt(db, student.id, { count: 1 })).questionCount).toBe(1);
	}, 120_000);

	test(`at most ${PRACTICE_STARTS_PER_DAY} a day`, async () => {
		const student = await createUser(db, {
			email: 'daily@test.example',
			password: 'a-long-password',
			displayName: 'Daily'
		});
		// A day's worth started over the last 23 hours, written as the hourly limit allows.
		for (let i = 0; i < PRACTICE_STARTS_PER_DAY; i++) {
			const { id } = await startAttempt(db, student.id, { count: 1 }, `day-${i}`);
			await db
				.update(attempt)
				.set({ startedAt: sql`now() - interval '2 hours'` })
				.where(eq(attempt.id, id));
		}
		const e = await startAttempt(db, student.id, { count: 1 }).then(
			() => null,
			(err: unknown) => err
		);
		expect(e).toBeInstanceOf(RateLimitedError);
		expect((e as RateLimitedError).message).toMatch(/in the last day/);
	}, 120_000);
});
