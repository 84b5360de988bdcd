import { listAttempts } from '$lib/server/attempts.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (!locals.user) return { recent: [], inProgress: null };
	const attempts = await listAttempts(getDb(), locals.user.id);
	return {
		recent: attempts.filter((a) => a.status === 'submitted').slice(0, 5),
		inProgress: attempts.find((a) => a.status === 'in_progress') ?? null
	};
};
