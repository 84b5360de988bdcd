import { redirect } from '@sveltejs/kit';
import { and, asc, eq } from 'drizzle-orm';
import { getDb } from '$lib/server/db/app-db.ts';
import { attempt } from '$lib/server/db/schema.ts';
import { requireUserForAction, requireUserForPage } from '$lib/server/guards.ts';
import { orHttpError } from '$lib/server/errors.ts';
import {
	assignmentStatus,
	getStudentAssignment,
	startAssignmentAttempt
} from '$lib/server/teaching/assignments.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUserForPage(event);
	const db = getDb();
	const a = await orHttpError(() => getStudentAssignment(db, user.id, event.params.id));
	const attempts = await db
		.select({
			id: attempt.id,
			status: attempt.status,
			score: attempt.score,
			maxScore: attempt.maxScore,
			late: attempt.late,
			submittedAt: attempt.submittedAt,
			attemptNumber: attempt.attemptNumber
		})
		.from(attempt)
		.where(and(eq(attempt.assignmentId, a.id), eq(attempt.userId, user.id)))
		.orderBy(asc(attempt.attemptNumber));
	const now = new Date();
	const submitted = attempts.filter((t) => t.status === 'submitted').length;
	const scoresVisible = a.feedback !== 'after_due' || now > a.dueAt;
	return {
		assignment: {
			id: a.id,
			title: a.title,
			className: a.className,
			opensAt: a.opensAt,
			dueAt: a.dueAt,
			timeZone: a.timeZone,
			attemptsAllowed: a.attemptsAllowed,
			timeLimitMinutes: a.timeLimitMinutes,
			feedback: a.feedback,
			lateWork: a.lateWork
		},
		status: assignmentStatus(a, submitted, now),
		attempts: attempts.map((t) => ({ ...t, score: scoresVisible ? t.score : null })),
		canStart:
			now >= a.opensAt &&
			(now <= a.dueAt || a.lateWork === 'mark_late') &&
			(attempts.some((t) => t.status === 'in_progress') || attempts.length < a.attemptsAllowed),
		inProgress: attempts.find((t) => t.status === 'in_progress')?.id ?? null
	};
};

export const actions: Actions = {
	start: async (event) => {
		const user = requireUserForAction(event);
		const { id } = await orHttpError(() =>
			startAssignmentAttempt(getDb(), user.id, event.params.id, new Date())
		);
		redirect(303, `/attempts/${id}/1`);
	}
};
