// Live sessions in a class's gradebook: a column per finished session run from one of the class's
// assignments, a cell per signed-in student who played (their session attempt, made when it ended).
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { attempt, classMember, liveSession } from '../db/schema.ts';
import type { GradebookCell } from '../teaching/results.ts';

/** Call after the teacher's ownership of the class is checked (getGradebookPage does). */
export async function getLiveGradebookColumns(db: Db, classId: string, studentIds: string[]) {
	const sessions = await db
		.select({ id: liveSession.id, title: liveSession.title, finishedAt: liveSession.finishedAt })
		.from(liveSession)
		.where(and(eq(liveSession.classId, classId), isNotNull(liveSession.finishedAt)))
		.orderBy(asc(liveSession.finishedAt));
	if (sessions.length === 0) return { sessions, cellsOf: () => [], averages: [] };
	const sessionIds = sessions.map((s) => s.id);
	const members = db
		.select({ id: classMember.userId })
		.from(classMember)
		.where(eq(classMember.classId, classId));
	const [rows, averages] = await Promise.all([
		studentIds.length
			? db
					.select({
						userId: attempt.userId,
						sessionId: attempt.liveSessionId,
						attemptId: attempt.id,
						score: attempt.score,
						maxScore: attempt.maxScore
					})
					.from(attempt)
					.where(
						and(inArray(attempt.liveSessionId, sessionIds), inArray(attempt.userId, studentIds))
					)
			: [],
		db
			.select({
				sessionId: attempt.liveSessionId,
				average:
					sql<number>`round(avg(case when ${attempt.maxScore} > 0 then coalesce(${attempt.score}, 0)::numeric / ${attempt.maxScore} * 100 else 0 end) * 10) / 10`.mapWith(
						Number
					)
			})
			.from(attempt)
			.where(and(inArray(attempt.liveSessionId, sessionIds), inArray(attempt.userId, members)))
			.groupBy(attempt.liveSessionId)
	]);
	const cells = new Map<string, NonNullable<GradebookCell>>();
	for (const r of rows)
		cells.set(`${r.userId}:${r.sessionId}`, {
			attemptId: r.attemptId,
			score: r.score ?? 0,
			maxScore: r.maxScore,
			late: false,
			attempts: 1
		});
	const averageOf = new Map(averages.map((a) => [a.sessionId, a.average]));
	return {
		sessions,
		cellsOf: (studentId: string) => sessions.map((s) => cells.get(`${studentId}:${s.id}`) ?? null),
		averages: sessions.map((s) => averageOf.get(s.id) ?? null)
	};
}
