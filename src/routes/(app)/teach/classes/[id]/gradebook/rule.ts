import type { ScoreRule } from '$lib/server/teaching/results.ts';

/** ?rule=last keeps each student's last submitted attempt; anything else their best. */
export function scoreRuleOf(url: URL): ScoreRule {
	return url.searchParams.get('rule') === 'last' ? 'last' : 'best';
}

export { percentOf } from '$lib/teaching/gradebook-table.ts';

/** Students per gradebook page, as in Moodle's grader report: a page stays readable and quick to load. */
export const STUDENTS_PER_PAGE = 100;
