import { error, redirect } from '@sveltejs/kit';
import {
	clearAnswer,
	getAttemptPageForTaking,
	getImmediateFeedback,
	movingSavesAnswer,
	saveAnswer,
	StaleAnswerError
} from '$lib/server/attempts.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { RequestError } from '$lib/server/errors.ts';
import { refused } from '$lib/server/form-actions.ts';
import { readFormFields } from '$lib/server/form-fields.ts';
import { requireUserForAction, requireUserForPage } from '$lib/server/guards.ts';
import { orHttpError } from '$lib/server/errors.ts';
import { isBlankResponse, moveOrderingItem } from '$lib/quiz/answer-form.ts';
import { InvalidResponseError, parseResponseFromForm } from '$lib/quiz/grade.ts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

function positionParam(n: string): number {
	const position = Number(n);
	if (!Number.isInteger(position) || position < 1) error(404, 'No such question.');
	return position;
}

export const load: PageServerLoad = async (event) => {
	const user = requireUserForPage(event);
	const position = positionParam(event.params.n);
	const page = await orHttpError(() =>
		getAttemptPageForTaking(getDb(), user.id, event.params.id, position - 1)
	);
	if (page.status === 'submitted') redirect(303, `/attempts/${page.id}/results`);
	// "Next" on the last question lands one past the end: that is the review page.
	if (position === page.total + 1) redirect(303, `/attempts/${page.id}/review`);
	const question = page.question;
	if (!question) error(404, 'No such question.');
	const checkMode = page.rules.feedback === 'after_each';
	return {
		checkMode,
		// Shown only once this question's answer is saved (and so final).
		feedback: checkMode ? await getImmediateFeedback(getDb(), user.id, page.id, question.id) : null,
		deadlineAt: page.rules.deadlineAt,
		attemptId: page.id,
		position,
		total: page.total,
		question,
		response: page.response,
		// The version of that answer ('' for none): the form sends it back so a stale tab cannot overwrite.
		version: page.version,
		answered: page.answered
	};
};

/**
 * Saves what the form holds (or clears a blanked answer). Input the learner can fix (a number that is
 * not a number) comes back as a form failure shown on the page; a request no honest form sends (a
 * question not in the attempt, an option not in the question, someone else's attempt, a submitted
 * attempt) is refused with its HTTP status.
 */
async function saveFromForm(event: RequestEvent, fields?: Record<string, string[]>) {
	const user = requireUserForAction(event);
	try {
		fields ??= readFormFields(await event.request.formData());
		const questionId = fields.questionId?.[0];
		const type = fields.questionType?.[0];
		if (!questionId || !type)
			throw new RequestError(400, 'The form is missing "questionId" or "questionType".');
		const db = getDb();
		// A form without the field (an old page, a script) replaces whatever is saved.
		const basedOn = fields.basedOn?.[0];
		if (isBlankResponse(type, fields)) {
			await clearAnswer(db, user.id, event.params.id, questionId, new Date(), basedOn);
			return { ok: true as const, saved: false, version: '' };
		}
		const response = parseResponseFromForm(type as never, fields);
		const { version } = await saveAnswer(
			db,
			user.id,
			event.params.id,
			questionId,
			response,
			new Date(),
			basedOn
		);
		return { ok: true as const, saved: true, version };
	} catch (e) {
		if (e instanceof InvalidResponseError)
			return { ok: false as const, status: 400 as const, message: e.message };
		// Another tab changed the answer: a failure, so the page loads again and shows the saved answer.
		if (e instanceof StaleAnswerError)
			return { ok: false as const, status: 409 as const, message: e.message };
		if (e instanceof RequestError) error(e.status, e.message);
		throw e;
	}
}

async function answersSaveOnlyOnCheck(event: RequestEvent) {
	const user = requireUserForAction(event);
	return !(await orHttpError(() => movingSavesAnswer(getDb(), user.id, event.params.id)));
}

export const actions: Actions = {
	/** Autosave (JavaScript on): store the answer, stay on the page. */
	save: async (event) => {
		const result = await saveFromForm(event);
		if (!result.ok) return refused('answer', {}, result.message, result.status);
		return { saved: result.saved, version: result.version };
	},
	next: async (event) => {
		// With feedback after each question, only "Check answer" saves: moving on never does.
		if (!(await answersSaveOnlyOnCheck(event))) {
			const result = await saveFromForm(event);
			if (!result.ok) return refused('answer', {}, result.message, result.status);
		}
		redirect(303, `/attempts/${event.params.id}/${positionParam(event.params.n) + 1}`);
	},
	previous: async (event) => {
		if (!(await answersSaveOnlyOnCheck(event))) {
			const result = await saveFromForm(event);
			if (!result.ok) return refused('answer', {}, result.message, result.status);
		}
		redirect(303, `/attempts/${event.params.id}/${Math.max(1, positionParam(event.params.n) - 1)}`);
	},
	/** Feedback after each question: save the answer (final), then show its feedback on the same page. */
	check: async (event) => {
		const fields = readFormFields(await event.request.formData());
		if (isBlankResponse(fields.questionType?.[0] ?? '', fields))
			return refused('answer', {}, 'Give an answer before checking it.');
		const result = await saveFromForm(event, fields);
		if (!result.ok) return refused('answer', {}, result.message, result.status);
		redirect(303, `/attempts/${event.params.id}/${positionParam(event.params.n)}`);
	},
	/** Ordering without JavaScript: move one item up or down, save, show the page again. */
	move: async (event) => {
		const fields = readFormFields(await event.request.formData());
		const move = fields.move?.[0] ?? '';
		fields.order = moveOrderingItem(fields.order ?? [], move);
		// With feedback after each question a move is a draft: saving would make it final.
		if (await answersSaveOnlyOnCheck(event)) return { draftOrder: fields.order };
		const result = await saveFromForm(event, fields);
		if (!result.ok) return refused('answer', {}, result.message, result.status);
		redirect(303, `/attempts/${event.params.id}/${positionParam(event.params.n)}`);
	}
};
