import { z } from 'zod';
import { getDb } from '$lib/server/db/app-db.ts';
import { parseForm, readValues } from '$lib/server/form-actions.ts';
import { requireUserForAction, requireUserForPage } from '$lib/server/guards.ts';
import { getLearnerSettings, updateLearnerSettings } from '$lib/server/review/cards.ts';
import { MIN_REVIEWS_TO_OPTIMISE } from '$lib/review/optimise.ts';
import { isValidTimeZone } from '$lib/time/zones.ts';
import { createScheduler } from '$lib/review/scheduler.ts';
import { getWorkload } from '$lib/server/review/workload.ts';
import type { Actions, PageServerLoad } from './$types';

const SettingsForm = z.object({
	desiredRetention: z.coerce
		.number('Enter a number.')
		.min(0.7, 'At least 0.70.')
		.max(0.97, 'At most 0.97.'),
	timeZone: z.string().refine(isValidTimeZone, 'Choose a time zone from the list.'),
	dayRolloverHour: z.coerce
		.number('Choose an hour.')
		.int('A whole hour.')
		.min(0, 'An hour from 0 to 23.')
		.max(23, 'An hour from 0 to 23.'),
	newCardsPerDay: z.coerce
		.number('Enter a number.')
		.int('A whole number.')
		.min(0, 'At least 0.')
		.max(500, 'At most 500.'),
	reviewsPerDay: z.coerce
		.number('Enter a number.')
		.int('A whole number.')
		.min(0, 'At least 0.')
		.max(9999, 'At most 9999.')
});

export const load: PageServerLoad = async (event) => {
	const user = requireUserForPage(event);
	const s = await getLearnerSettings(getDb(), user.id);
	return {
		// On request only (a link asks for it): the simulation is a second or so of work in a worker.
		workload: event.url.searchParams.has('workload')
			? await getWorkload(getDb(), user.id, new Date())
			: null,
		settings: {
			desiredRetention: s.desiredRetention,
			timeZone: s.timeZone,
			dayRolloverHour: s.dayRolloverHour,
			newCardsPerDay: s.newCardsPerDay,
			reviewsPerDay: s.reviewsPerDay
		},
		parameters: {
			fitted: s.weights !== null,
			weights: s.weights ?? [...createScheduler().params.w],
			fittedAt: s.weightsFittedAt,
			reviewCount: s.weightsReviewCount,
			logLoss: s.weightsLogLoss,
			threshold: MIN_REVIEWS_TO_OPTIMISE
		},
		// UTC first (the default, which the runtime's list leaves out) and the saved zone always offered:
		// a select without it would show another zone and save that one without the learner touching it.
		timeZones: [...new Set(['UTC', s.timeZone, ...Intl.supportedValuesOf('timeZone')])]
	};
};

export const actions: Actions = {
	default: async (event) => {
		const user = requireUserForAction(event);
		const values = await readValues(event.request);
		const { data, failure } = parseForm('default', SettingsForm, values);
		if (failure) return failure;
		await updateLearnerSettings(getDb(), user.id, data);
		return { saved: true };
	}
};
