// A question set as a GIFT file (Moodle's question text format): the set's questions in its order, each
// with its explanation and the quotes it cites as general feedback.
import { slugify } from '$lib/gift/import.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { requireTeacher } from '$lib/server/guards.ts';
import { orHttpError } from '$lib/server/errors.ts';
import { exportSetAsGift } from '$lib/server/teaching/gift-export.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	// Signed out: to sign in and back, as for a page (the link is followed like one).
	const teacher = requireTeacher(event);
	const { name, text } = await orHttpError(() =>
		exportSetAsGift(getDb(), teacher.id, event.params.id)
	);
	return new Response(text, {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'content-disposition': `attachment; filename="set-${slugify(name) || 'questions'}.gift"`,
			'cache-control': 'private, no-store'
		}
	});
};
