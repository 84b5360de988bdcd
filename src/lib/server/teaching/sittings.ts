// The sittings a teacher's statistics count, one definition for the item analysis and the article heatmap:
// submitted attempts at an assignment, homework or in a live session run from it (docs/live.md), by
// students still in the class (a removed student's work stays stored, uncounted).
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../db/index.ts';
import { assignment, attempt, classMember, liveSession } from '../db/schema.ts';

/** One assignment's sittings, or all the sittings of a class's work. */
export type SittingScope = { kind: 'class' | 'assignment'; id: string };

/** The condition on `attempt` for the counted sittings of `scope`, in the class `classId`. */
export function countedSittings(db: Db, classId: string, scope: SittingScope): SQL {
	const sessions = db
		.select({ id: liveSession.id })
		.from(liveSession)
		.where(
			scope.kind === 'class'
				? eq(liveSession.classId, scope.id)
				: eq(liveSession.assignmentId, scope.id)
		);
	const ofScope =
		scope.kind === 'class'
			? sql`(${inArray(attempt.assignmentId, db.select({ id: assignment.id }).from(assignment).where(eq(assignment.classId, scope.id)))} or ${inArray(attempt.liveSessionId, sessions)})`
			: sql`(${eq(attempt.assignmentId, scope.id)} or ${inArray(attempt.liveSessionId, sessions)})`;
	return and(
		ofScope,
		eq(attempt.status, 'submitted'),
		sql`exists (select 1 from ${classMember} m where m.class_id = ${classId} and m.user_id = ${attempt.userId})`
	)!;
}

/**
 * The work a sitting is of, for the first-sitting rule: its assignment (homework or live), or for a live
 * session run from a set alone, the session itself.
 */
export const sittingWork = sql<string>`coalesce(${attempt.assignmentId}, (select s.assignment_id from ${liveSession} s where s.id = ${attempt.liveSessionId}), ${attempt.liveSessionId})`;
