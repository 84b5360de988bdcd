import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { draftEditSchema, type DraftEdit } from '$lib/drafting/accept.ts';
import { QUESTION_TYPE_LABELS } from '$lib/quiz/labels.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { fieldErrors, readFormFields } from '$lib/server/form-fields.ts';
import { requireTeacher } from '$lib/server/guards.ts';
import { orHttpError } from '$lib/server/errors.ts';
import {
	acceptDraft,
	getTeacherArticle,
	rejectDraft,
	saveDraftEdit
} from '$lib/server/teaching/articles.ts';
import { listSets } from '$lib/server/teaching/sets.ts';
import { invalid, tryService } from '$lib/server/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const db = getDb();
	const [{ article, drafts }, sets] = await Promise.all([
		orHttpError(() => getTeacherArticle(db, teacher.id, event.params.slug)),
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
			status: d.status,
			questionId: d.questionId,
			kind: d.draft.kind,
			typeLabel: QUESTION_TYPE_LABELS[d.draft.question.type],
			question: d.draft.question,
			quote: d.draft.quote,
			similarTo: d.draft.similarTo,
			timelineFacts: d.draft.bankFacts.length
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

const backTo = (url: URL, anchor: string, query = '') => `${url.pathname}${query}#${anchor}`;

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
				`draft-${form.draftId}`,
				`?accepted=${encodeURIComponent(done.value.questionId)}`
			)
		);
	},
	reject: async (event) => {
		const teacher = requireTeacher(event, true);
		const form = await readDraftForm(event.request);
		if (form.failure) return form.failure;
		const done = await tryService(() =>
			rejectDraft(getDb(), teacher.id, event.params.slug, form.draftId)
		);
		if (!done.ok) return invalid(form.action!, form.values!, { form: done.message });
		redirect(303, backTo(event.url, `draft-${form.draftId}`));
	}
};
