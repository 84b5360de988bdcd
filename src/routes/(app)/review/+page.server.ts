import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/app-db.ts';
import { RequestError } from '$lib/server/errors.ts';
import { refused } from '$lib/server/form-actions.ts';
import { readFormFields } from '$lib/server/form-fields.ts';
import { requireUserForAction, requireUserForPage } from '$lib/server/guards.ts';
import { orHttpError } from '$lib/server/errors.ts';
import {
	getLeeches,
	getReviewQueue,
	parseRatingName,
	rateCard,
	revealCard,
	setCardSuspended
} from '$lib/server/review/cards.ts';
import { LEECH_LAPSES } from '$lib/review/leech.ts';
import { scheduleOptimisation } from '$lib/server/review/optimiser-job.ts';
import { InvalidResponseError, parseResponseFromForm, readResponseJson } from '$lib/quiz/grade.ts';
import { isBlankResponse } from '$lib/quiz/answer-form.ts';
import type { QuestionType } from '$lib/bank/types.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUserForPage(event);
	const now = new Date();
	const [queue, leeches] = await Promise.all([
		getReviewQueue(getDb(), user.id, now),
		getLeeches(getDb(), user.id, now)
	]);
	return { ...queue, leeches, leechLapses: LEECH_LAPSES, shownAt: now.getTime() };
};

function cardIdFrom(fields: Record<string, string[]>) {
	const id = Number(fields.cardId?.[0]);
	// Card ids are Postgres integers: a larger number is no card (and would be a database error).
	if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647)
		throw new RequestError(400, 'Field "cardId" does not name a card.');
	return id;
}

/** The question the page showed for the card (the card's fact has several); absent = the queue's pick. */
function questionIdFrom(fields: Record<string, string[]>) {
	const id = fields.questionId?.[0] ?? '';
	if (id === '') return null;
	if (!/^[\w-]{1,100}$/.test(id))
		throw new RequestError(400, 'Field "questionId" does not name a question.');
	return id;
}

function elapsedSince(fields: Record<string, string[]>, now: number) {
	const shownAt = Number(fields.shownAt?.[0]);
	// Only a plausible figure: the page's own timestamp, less than an hour ago.
	return Number.isFinite(shownAt) && shownAt <= now && now - shownAt < 3_600_000
		? now - shownAt
		: null;
}

export const actions: Actions = {
	/** Show the answer side, grading the learner's answer if they gave one. Writes nothing. */
	reveal: async (event) => {
		const user = requireUserForAction(event);
		try {
			const fields = readFormFields(await event.request.formData());
			const cardId = cardIdFrom(fields);
			const type = (fields.questionType?.[0] ?? '') as QuestionType;
			const skipped = (fields.skip?.length ?? 0) > 0;
			// "Check my answer" with nothing given would show the key with no verdict: ask for an answer.
			if (!skipped && isBlankResponse(type, fields))
				return refused(
					'review',
					{},
					'Give an answer first, or choose “Show the answer” if you do not know it.'
				);
			const response = skipped ? null : parseResponseFromForm(type, fields);
			const shown = await revealCard(
				getDb(),
				user.id,
				cardId,
				response,
				new Date(),
				questionIdFrom(fields)
			);
			return {
				revealed: {
					cardId,
					...shown,
					response: response ? JSON.stringify(response) : '',
					requestId: randomUUID(),
					elapsedMs: elapsedSince(fields, Date.now())
				}
			};
		} catch (e) {
			if (e instanceof InvalidResponseError) return refused('review', {}, e.message);
			if (e instanceof RequestError) return refused('review', {}, e.message, e.status);
			throw e;
		}
	},
	/** Puts one of the learner's cards aside (out of the queue) or takes it back. */
	suspension: async (event) => {
		const user = requireUserForAction(event);
		const fields = readFormFields(await event.request.formData());
		const suspend = fields.suspend?.[0];
		if (suspend !== 'yes' && suspend !== 'no')
			return refused('review', {}, 'Choose to put the card aside or take it back.');
		await orHttpError(() =>
			setCardSuspended(getDb(), user.id, cardIdFrom(fields), suspend === 'yes', new Date())
		);
		redirect(303, '/review');
	},
	/** The learner's rating: the one write of a review. Replays of the same request count once. */
	rate: async (event) => {
		const user = requireUserForAction(event);
		const fields = readFormFields(await event.request.formData());
		const rating = parseRatingName(fields.rating?.[0] ?? '');
		const requestId = fields.requestId?.[0] ?? '';
		if (!rating) return refused('review', {}, 'Choose Again, Hard, Good or Easy.');
		if (!/^[\w-]{8,64}$/.test(requestId))
			return refused('review', {}, 'The form is missing its request id.');
		let response = null;
		try {
			response = fields.response?.[0] ? readResponseJson(fields.response[0]) : null;
		} catch (e) {
			if (e instanceof InvalidResponseError) return refused('review', {}, e.message);
			throw e;
		}
		// Stored as an integer: anything else is no figure at all.
		const elapsed = Number(fields.elapsedMs?.[0]);
		const rated = await orHttpError(() =>
			rateCard(
				getDb(),
				user.id,
				cardIdFrom(fields),
				rating,
				{
					requestId,
					response,
					questionId: questionIdFrom(fields),
					elapsedMs:
						Number.isInteger(elapsed) && elapsed >= 0 && elapsed <= 86_400_000 ? elapsed : null
				},
				new Date()
			)
		);
		scheduleOptimisation(getDb(), user.id, rated.refit);
		redirect(303, '/review');
	}
};
