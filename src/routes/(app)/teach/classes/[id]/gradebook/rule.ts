import type { ScoreRule } from '$lib/server/teaching/results.ts';

/** ?rule=last keeps each student's last submitted attempt; anything else their best. */
export function scoreRuleOf(url: URL): ScoreRule {
	return url.searchParams.get('rule') === 'last' ? 'last' : 'best';
}

/** Score as a percent of the maximum, to one decimal (0 when the maximum is 0). */
export function percentOf(score: number, maxScore: number): number {
	return maxScore > 0 ? Math.round((score / maxScore) * 1000) / 10 : 0;
}

/** Students per gradebook page, as in Moodle's grader report: a page stays readable and quick to load. */
export const STUDENTS_PER_PAGE = 100;
