import { listAttempts } from '$lib/server/attempts.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { listStudentAssignments } from '$lib/server/teaching/assignments.ts';
import { countDueCards } from '$lib/server/review/cards.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user)
		return { returning: false, recent: [], inProgress: null, assignments: [], dueReviews: 0 };
	const db = getDb();
	const now = new Date();
	const [attempts, assignments, dueReviews] = await Promise.all([
		listAttempts(db, locals.user.id),
		locals.user.role === 'student' ? listStudentAssignments(db, locals.user.id, now) : [],
		countDueCards(db, locals.user.id, now)
	]);
	const practice = attempts.filter((a) => a.assignmentId === null);
	return {
		// "Welcome back" only to someone who has done something here before.
		returning: attempts.length > 0 || assignments.length > 0 || dueReviews > 0,
		recent: practice.filter((a) => a.status === 'submitted').slice(0, 5),
		inProgress: practice.find((a) => a.status === 'in_progress') ?? null,
		assignments,
		dueReviews
	};
};
