import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/app-db.ts';
import { requireTeacher } from '$lib/server/guards.ts';
import { orHttpError } from '$lib/server/errors.ts';
import { getLiveGradebookColumns } from '$lib/server/live/gradebook.ts';
import { getGradebookPage } from '$lib/server/teaching/results.ts';
import { percentOf, scoreRuleOf, STUDENTS_PER_PAGE } from './rule.ts';
import type { PageServerLoad } from './$types';

// Links only: no hydration, so the cells are not sent twice (once as HTML, once as page data).
export const csr = false;

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const rule = scoreRuleOf(event.url);
	const asked = Number(event.url.searchParams.get('page'));
	const wanted = Number.isInteger(asked) && asked >= 1 ? asked : 1;
	const book = await orHttpError(() =>
		getGradebookPage(getDb(), teacher.id, event.params.id, rule, {
			offset: (wanted - 1) * STUDENTS_PER_PAGE,
			limit: STUDENTS_PER_PAGE
		})
	);
	// Past the last page: show the last one.
	const pages = Math.max(1, Math.ceil(book.studentCount / STUDENTS_PER_PAGE));
	if (wanted > pages)
		redirect(303, `/teach/classes/${book.klass.id}/gradebook?rule=${rule}&page=${pages}`);
	const live = await getLiveGradebookColumns(
		getDb(),
		book.klass.id,
		book.rows.map((r) => r.student.id)
	);
	const first = (wanted - 1) * STUDENTS_PER_PAGE;
	return {
		rule,
		page: wanted,
		pages,
		first: first + 1,
		last: first + book.rows.length,
		studentCount: book.studentCount,
		klass: { id: book.klass.id, name: book.klass.name },
		assignments: book.assignments,
		// Live sessions run from the class's assignments: their columns come after the assignments'.
		liveSessions: live.sessions,
		rows: book.rows.map((r) => ({
			student: r.student,
			cells: [...r.cells, ...live.cellsOf(r.student.id)].map((c) =>
				c ? { ...c, percent: percentOf(c.score, c.maxScore) } : null
			)
		})),
		averages: [...book.averages, ...live.averages]
	};
};
