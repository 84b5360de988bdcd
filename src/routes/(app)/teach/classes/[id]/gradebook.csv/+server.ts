// The gradebook as a spreadsheet: one row per student, a percent column and a "late" column per assignment.
import { getDb } from '$lib/server/db/app-db.ts';
import { requireTeacher } from '$lib/server/guards.ts';
import { orHttpError } from '$lib/server/errors.ts';
import { getGradebook } from '$lib/server/teaching/results.ts';
import { toCsv } from '$lib/teaching/csv.ts';
import { percentOf, scoreRuleOf } from '../gradebook/rule.ts';
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
	const header = [
		'Name',
		'Email',
		...book.assignments.flatMap((a) => [`${a.title} (%)`, `${a.title} late`])
	];
	const rows = book.rows.map((r) => [
		r.student.displayName,
		r.student.email,
		...r.cells.flatMap((c) =>
			c ? [percentOf(c.score, c.maxScore), c.late ? 'late' : ''] : [null, null]
		)
	]);
	return new Response(toCsv([header, ...rows]), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="gradebook-${slugOf(book.klass.name)}-${rule}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
