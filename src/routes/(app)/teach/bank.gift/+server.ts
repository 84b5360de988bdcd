// The bank as the teacher sees it, as a GIFT file: the grounded bank's questions and the teacher's own
// (`?only=bank` or `?only=mine` for one of the two), each with its explanation and cited quotes.
import { getDb } from '$lib/server/db/app-db.ts';
import { requireTeacher } from '$lib/server/guards.ts';
import { exportBankAsGift } from '$lib/server/teaching/gift-export.ts';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const teacher = requireTeacher(event);
	const only = event.url.searchParams.get('only');
	const scope = only === 'bank' || only === 'mine' ? only : 'all';
	const text = await exportBankAsGift(getDb(), teacher.id, scope);
	const name =
		scope === 'all'
			? 'sahel-quiz-bank'
			: scope === 'bank'
				? 'sahel-quiz-grounded-bank'
				: 'my-questions';
	return new Response(text, {
		headers: {
			'content-type': 'text/plain; charset=utf-8',
			'content-disposition': `attachment; filename="${name}.gift"`,
			'cache-control': 'private, no-store'
		}
	});
};
