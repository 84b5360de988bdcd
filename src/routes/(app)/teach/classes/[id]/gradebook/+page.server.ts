import { getDb } from '$lib/server/db/app-db.ts';
import { orHttpError, requireTeacher } from '$lib/server/guards.ts';
import { getGradebook } from '$lib/server/teaching/results.ts';
import { percentOf, scoreRuleOf } from './rule.ts';
import type { PageServerLoad } from './$types';

// Links and plain forms only: no hydration, so the 10,000 cells of a big class are not sent twice
// (once as HTML, once as page data for the client).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const rule = scoreRuleOf(event.url);
	const book = await orHttpError(() => getGradebook(getDb(), teacher.id, event.params.id, rule));
	return {
		rule,
		klass: { id: book.klass.id, name: book.klass.name },
		assignments: book.assignments,
		rows: book.rows.map((r) => ({
			student: r.student,
			cells: r.cells.map((c) => (c ? { ...c, percent: percentOf(c.score, c.maxScore) } : null))
		})),
		averages: book.assignments.map((_, i) => {
			const done = book.rows.map((r) => r.cells[i]).filter((c) => c !== null);
			return done.length ? Math.round((10 * done.reduce((sum, c) => sum + percentOf(c.score, c.maxScore), 0)) / done.length) / 10 : null;
		})
	};
};
