import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { draftEditSchema, type DraftEdit } from '$lib/drafting/accept.ts';
import { describeDraftKey, draftDistractors, draftRejectionSchema } from '$lib/drafting/review.ts';
import { QUESTION_TYPE_LABELS } from '$lib/quiz/labels.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { fieldErrors, readFormFields } from '$lib/server/form-fields.ts';
import { requireTeacher } from '$lib/server/guards.ts';
import { orHttpError } from '$lib/server/errors.ts';
import {
	acceptDraft,
	getDraftReview,
	rejectDraft,
	rejectDrafts,
	restoreDraft,
	saveDraftEdit
} from '$lib/server/teaching/articles.ts';
import { listSets } from '$lib/server/teaching/sets.ts';
import {
	invalid,
	parseForm,
	readFields,
	readValues,
	tryService
} from '$lib/server/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const db = getDb();
	const [{ article, drafts, nearDuplicates }, sets] = await Promise.all([
		orHttpError(() => getDraftReview(db, teacher.id, event.params.slug)),
		listSets(db, teacher.id)
	]);
	return {
		article: {
			slug: article.slug,
			title: article.title,
			publisher: article.publisher,
			eventDate: article.eventDate,
			file: article.file
		},
		// The teacher's own drafts, keys included: this page is theirs alone.
		drafts: drafts.map((d) => ({
			id: d.id,
			number: d.position,
			status: d.status,
			questionId: d.questionId,
			kind: d.draft.kind,
			typeLabel: QUESTION_TYPE_LABELS[d.draft.question.type],
			question: d.draft.question,
			key: describeDraftKey(d.draft.question),
			distractors: draftDistractors(d.draft.question),
			quote: d.draft.quote,
			timelineFacts: d.draft.bankFacts.length,
			rejectReason: d.rejectReason,
			rejectNote: d.rejectNote,
			nearDuplicates: nearDuplicates.get(d.id) ?? []
		})),
		sets: sets.map((s) => ({ id: s.id, name: s.name })),
		accepted: event.url.searchParams.get('accepted')
	};
};

const DraftRef = z.object({
	draftId: z.coerce
		.number({ error: 'Choose a draft.' })
		.int('Choose a draft.')
		.positive('Choose a draft.')
		.max(2_147_483_647, 'No such draft.')
});

/** The review form of one draft: its id, the teacher's edits, and (to accept) a set to add it to. */
async function readDraftForm(request: Request) {
	const fields = await orHttpError(async () => readFormFields(await request.formData()));
	const one = (name: string) => fields[name]?.[0];
	const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v.join('\n')]));
	const ref = DraftRef.safeParse({ draftId: one('draftId') });
	if (!ref.success)
		return {
			failure: invalid('draft', values, fieldErrors(ref.error)),
			draftId: 0,
			edit: null,
			setId: undefined
		};
	const action = `draft-${ref.data.draftId}`;
	const raw: Record<string, unknown> = { prompt: one('prompt'), explanation: one('explanation') };
	if (fields.option) raw.options = fields.option;
	if (fields.option) raw.correct = fields.correct ?? [];
	if (fields.item) raw.items = fields.item;
	for (const key of ['answer', 'tolerance', 'unit'] as const)
		if (one(key) !== undefined) raw[key] = one(key);
	// A typed answer's accepted forms: one per line of their box.
	const accepted = one('accepted');
	if (accepted !== undefined)
		raw.accepted = accepted
			.split(/\r?\n/u)
			.map((a) => a.trim())
			.filter(Boolean);
	const edit = raw.prompt === undefined ? null : draftEditSchema.safeParse(raw);
	if (edit && !edit.success)
		return {
			failure: invalid(action, values, fieldErrors(edit.error)),
			draftId: ref.data.draftId,
			edit: null,
			setId: undefined
		};
	return {
		failure: null,
		draftId: ref.data.draftId,
		edit: (edit?.data ?? null) as DraftEdit | null,
		setId: one('setId') || undefined,
		values,
		action
	};
}

/**
 * Back to the page at `anchor`: after a draft leaves the waiting list, the form names the card to go on
 * with (`next`), so a teacher working down the list (with or without JavaScript) lands on it.
 */
const backTo = (url: URL, anchor: string, query = '') => `${url.pathname}${query}#${anchor}`;
const nextAnchor = (next: string | undefined) =>
	next && /^\d{1,10}$/u.test(next) ? `draft-${next}` : 'waiting';

export const actions: Actions = {
	save: async (event) => {
		const teacher = requireTeacher(event, true);
		const form = await readDraftForm(event.request);
		if (form.failure) return form.failure;
		if (!form.edit) return invalid(form.action!, form.values!, { prompt: 'Write the question.' });
		const done = await tryService(() =>
			saveDraftEdit(getDb(), teacher.id, event.params.slug, form.draftId, form.edit!)
		);
		if (!done.ok) return invalid(form.action!, form.values!, { form: done.message });
		redirect(303, backTo(event.url, `draft-${form.draftId}`));
	},
	accept: async (event) => {
		const teacher = requireTeacher(event, true);
		const form = await readDraftForm(event.request);
		if (form.failure) return form.failure;
		const done = await tryService(() =>
			acceptDraft(getDb(), teacher.id, event.params.slug, form.draftId, {
				edit: form.edit ?? undefined,
				setId: form.setId
			})
		);
		if (!done.ok) return invalid(form.action!, form.values!, { form: done.message });
		redirect(
			303,
			backTo(
				event.url,
				nextAnchor(form.values!.next),
				`?accepted=${encodeURIComponent(done.value.questionId)}`
			)
		);
	},
	reject: async (event) => {
		const teacher = requireTeacher(event, true);
		const values = await readValues(event.request);
		const ref = DraftRef.safeParse({ draftId: values.draftId });
		if (!ref.success) return invalid('draft', values, fieldErrors(ref.error));
		const action = `reject-${ref.data.draftId}`;
		const why = parseForm(
			action,
			draftRejectionSchema,
			{
				reason: values.reason,
				note: values.note
			},
			values
		);
		if (why.failure) return why.failure;
		const done = await tryService(() =>
			rejectDraft(getDb(), teacher.id, event.params.slug, ref.data.draftId, why.data)
		);
		if (!done.ok) return invalid(action, values, { form: done.message });
		redirect(303, backTo(event.url, nextAnchor(values.next)));
	},
	/** The ticked drafts, rejected together for one reason. */
	rejectTicked: async (event) => {
		const teacher = requireTeacher(event, true);
		const fields = await readFields(event.request);
		const values = { reason: fields.reason?.[0] ?? '', note: fields.note?.[0] ?? '' };
		const ids = z
			.array(DraftRef.shape.draftId)
			.min(1, 'Tick the drafts to reject (the box by each draft’s number).')
			.max(500, 'Too many drafts at once.')
			.safeParse(fields.draftId ?? []);
		if (!ids.success) return invalid('bulk', values, { form: ids.error.issues[0].message });
		const why = parseForm('bulk', draftRejectionSchema, values);
		if (why.failure) return why.failure;
		const done = await tryService(() =>
			rejectDrafts(getDb(), teacher.id, event.params.slug, ids.data, why.data)
		);
		if (!done.ok) return invalid('bulk', values, { form: done.message });
		redirect(303, backTo(event.url, 'waiting'));
	},
	restore: async (event) => {
		const teacher = requireTeacher(event, true);
		const values = await readValues(event.request);
		const ref = DraftRef.safeParse({ draftId: values.draftId });
		if (!ref.success) return invalid('draft', values, fieldErrors(ref.error));
		const done = await tryService(() =>
			restoreDraft(getDb(), teacher.id, event.params.slug, ref.data.draftId)
		);
		if (!done.ok) return invalid(`restore-${ref.data.draftId}`, values, { form: done.message });
		redirect(303, backTo(event.url, `draft-${ref.data.draftId}`));
	}
};
