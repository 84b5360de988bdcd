// The gradebook as a spreadsheet: one row per student; the columns are gradebookTable's.
import { getDb } from '$lib/server/db/app-db.ts';
import { requireTeacher } from '$lib/server/guards.ts';
import { orHttpError } from '$lib/server/errors.ts';
import { getGradebook } from '$lib/server/teaching/results.ts';
import { getLiveGradebookColumns } from '$lib/server/live/gradebook.ts';
import { toCsv } from '$lib/teaching/csv.ts';
import { gradebookTable } from '$lib/teaching/gradebook-table.ts';
import { scoreRuleOf } from '../gradebook/rule.ts';
import type { RequestHandler } from './$types';

/** A file name made of the class name's letters and digits: "Year 11 (B)" → "year-11-b". */
function slugOf(name: string): string {
	return (
		name
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-+|-+$/g, '')
			.slice(0, 60) || 'class'
	);
}

export const GET: RequestHandler = async (event) => {
	// Signed out: to sign in and back, as for a page (the link is followed like one).
	const teacher = requireTeacher(event);
	const rule = scoreRuleOf(event.url);
	const book = await orHttpError(() => getGradebook(getDb(), teacher.id, event.params.id, rule));
	const live = await getLiveGradebookColumns(
		getDb(),
		book.klass.id,
		book.rows.map((r) => r.student.id)
	);
	return new Response(toCsv(gradebookTable(book, live)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="gradebook-${slugOf(book.klass.name)}-${rule}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
