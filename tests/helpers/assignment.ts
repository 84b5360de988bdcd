import type { AssignmentInput } from '../../src/lib/server/teaching/assignments.ts';

/**
 * An assignment open since a minute ago and due tomorrow, one attempt, no shuffling, feedback after
 * submitting, late work refused: what a test changes, it says.
 */
export function openHomework(
	input: Pick<AssignmentInput, 'classId' | 'setId'> & Partial<AssignmentInput>
): AssignmentInput {
	return {
		title: 'Homework',
		opensAt: new Date(Date.now() - 60_000),
		dueAt: new Date(Date.now() + 86_400_000),
		timeZone: 'UTC',
		attemptsAllowed: 1,
		timeLimitMinutes: null,
		shuffleQuestions: false,
		shuffleOptions: false,
		feedback: 'after_submit',
		lateWork: 'refuse',
		...input
	};
}
