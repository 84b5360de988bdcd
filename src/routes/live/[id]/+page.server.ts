import { redirect } from '@sveltejs/kit';
import { moveOrderingItem } from '$lib/quiz/answer-form.ts';
import { InvalidResponseError, parseResponseFromForm } from '$lib/quiz/grade.ts';
import type { QuestionType } from '$lib/bank/types.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { RequestError } from '$lib/server/errors.ts';
import { isEnhancedRequest, readFields, refused } from '$lib/server/form-actions.ts';
import { playerIdentity } from '$lib/server/live/identity.ts';
import { getPlayerView, submitLiveAnswer } from '$lib/server/live/sessions.ts';
import type { Actions, PageServerLoad } from './$types';

// A player's phone: the view is read from the database on every load (the event stream only says when).
export const load: PageServerLoad = async (event) => {
	const view = await getPlayerView(getDb(), event.params.id, playerIdentity(event));
	if (!view) redirect(303, '/live');
	return view;
};

export const actions: Actions = {
	// The time the server received the answer is taken first: the deadline and speed bonus go by it.
	answer: async (event) => {
		const receivedAt = new Date();
		let taken;
		const fields = await readFields(event.request);
		const questionId = fields.questionId?.[0] ?? '';
		try {
			const response = parseResponseFromForm(fields.questionType?.[0] as QuestionType, fields);
			taken = await submitLiveAnswer(
				getDb(),
				event.params.id,
				playerIdentity(event),
				questionId,
				response,
				receivedAt
			);
		} catch (e) {
			if (e instanceof InvalidResponseError) return refused('answer', {}, e.message);
			if (e instanceof RequestError) return refused('answer', {}, e.message, e.status);
			throw e;
		}
		// The enhanced form (JavaScript) is told only that its answer is in, and shows "Answer sent" without
		// reloading the page: a room of answers is then a room of posts, not of posts and page loads. Without
		// JavaScript the browser follows the redirect and the page shows the same. No grade either way.
		if (isEnhancedRequest(event.request)) return { sent: { position: taken.position } };
		redirect(303, `/live/${event.params.id}`);
	},
	// Without JavaScript, the Up and Down buttons of an ordering post here: the new order comes back.
	move: async (event) => {
		const fields = await readFields(event.request);
		const order = moveOrderingItem(fields.order ?? [], fields.move?.[0] ?? '');
		return { moved: { type: 'ordering' as const, itemIds: order } };
	}
};
