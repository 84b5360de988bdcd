import { listAttempts } from '$lib/server/attempts.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { requireUserForPage } from '$lib/server/guards.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUserForPage(event);
	return { attempts: await listAttempts(getDb(), user.id) };
};
