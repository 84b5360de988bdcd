import { getDb } from '$lib/server/db/app-db.ts';
import { requireUserForPage } from '$lib/server/guards.ts';
import { listStudentClasses } from '$lib/server/teaching/classes.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUserForPage(event);
	return {
		classes: await listStudentClasses(getDb(), user.id),
		joined: event.url.searchParams.get('joined')
	};
};
