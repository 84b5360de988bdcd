import { getDb } from '$lib/server/db/app-db.ts';
import { requireUserForPage } from '$lib/server/guards.ts';
import { getProgress } from '$lib/server/review/insights.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUserForPage(event);
	const p = await getProgress(getDb(), user.id, new Date());
	return {
		desiredRetention: p.settings.desiredRetention,
		timeZone: p.settings.timeZone,
		activityPerDay: p.activityPerDay,
		retention: p.retention,
		retentionPerWeek: p.retentionPerWeek,
		byState: p.byState,
		forecast: p.forecast,
		masteryByArticle: p.masteryByArticle,
		masteryByTopic: p.masteryByTopic
	};
};
