import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Question, QuestionType } from '$lib/bank/types.ts';
import { getCurrentBank } from '$lib/server/attempts.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { orHttpError, requireTeacher } from '$lib/server/guards.ts';
import { editSet, getSetItems, getTeacherSet, MAX_SET_SIZE, renameSet, searchBank } from '$lib/server/teaching/sets.ts';
import { describeCorrectAnswer } from '$lib/quiz/grade.ts';
import { QUESTION_TYPE_LABELS } from '$lib/quiz/labels.ts';
import { invalid, parseForm, readValues, tryService } from '../../forms.server.ts';
import type { Actions, PageServerLoad } from './$types';

const QUESTION_TYPES = Object.keys(QUESTION_TYPE_LABELS) as QuestionType[];
const SEARCH_LIMIT = 40;
/** Query parameters that belong to the search panel; they survive every edit so the results stay. */
const SEARCH_KEYS = ['q', 'article', 'tag', 'type', 'difficulty'] as const;

const Search = z.object({
	q: z.string().trim().max(200).catch(''),
	article: z.string().max(100).catch(''),
	tag: z.string().max(100).catch(''),
	type: z.enum(QUESTION_TYPES as [QuestionType, ...QuestionType[]]).optional().catch(undefined),
	difficulty: z.coerce.number().int().min(1).max(3).optional().catch(undefined)
});

const NameForm = z.object({ name: z.string('Give the set a name.').trim().min(1, 'Give the set a name.').max(100, 'At most 100 characters.') });
const PositionForm = z.object({ position: z.coerce.number('Which question?').int().min(0).max(MAX_SET_SIZE) });
const MoveForm = PositionForm.extend({ by: z.enum(['-1', '1'], 'Up or down?').transform((v) => (v === '1' ? 1 : -1) as 1 | -1) });
const AddForm = z.object({ questionId: z.string('Which question?').min(1, 'Which question?').max(100) });
const RuleForm = z.object({
	article: z.string().max(100).default(''),
	tag: z.string().max(100).default(''),
	minDifficulty: z.coerce.number('Choose a difficulty.').int().min(1, 'Choose a difficulty.').max(3, 'Choose a difficulty.'),
	count: z.coerce.number('Give a number from 1 to 20.').int('Give a whole number.').min(1, 'At least 1 question.').max(20, 'At most 20 at a time.')
});

/** The search panel's query parameters of `url`, plus a notice to show. */
function searchParamsOf(url: URL, notice?: Record<string, string>): URLSearchParams {
	const params = new URLSearchParams();
	for (const key of SEARCH_KEYS) {
		const value = url.searchParams.get(key);
		if (value !== null) params.set(key, value);
	}
	for (const [key, value] of Object.entries(notice ?? {})) params.set(key, value);
	return params;
}

/** The page again after an edit, with the search kept and the place to scroll back to. */
function backTo(url: URL, hash: string, notice?: Record<string, string>) {
	const query = searchParamsOf(url, notice).toString();
	return `${url.pathname}${query ? `?${query}` : ''}${hash ? `#${hash}` : ''}`;
}

type Quote = { quote: string; articleSlug: string };

function describe(body: Question, quotes: Quote[], titles: Map<string, string>) {
	return {
		questionId: body.id,
		type: body.type,
		typeLabel: QUESTION_TYPE_LABELS[body.type],
		prompt: body.prompt,
		answer: describeCorrectAnswer(body),
		difficulty: body.difficulty,
		quotes: quotes.map((q) => ({ quote: q.quote, articleSlug: q.articleSlug, articleTitle: titles.get(q.articleSlug) ?? q.articleSlug }))
	};
}

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const db = getDb();
	const set = await orHttpError(() => getTeacherSet(db, teacher.id, event.params.id));
	const params = event.url.searchParams;
	const search = Search.parse(Object.fromEntries(SEARCH_KEYS.map((k) => [k, params.get(k) ?? undefined])));
	const searched = SEARCH_KEYS.some((k) => params.has(k));
	const [items, { bank }, found] = await Promise.all([
		getSetItems(db, set.id),
		getCurrentBank(db),
		searched
			? searchBank(
					db,
					{ text: search.q, article: search.article || undefined, tag: search.tag || undefined, type: search.type, minDifficulty: search.difficulty },
					SEARCH_LIMIT + 1
				)
			: Promise.resolve([])
	]);
	const titles = new Map(bank.articles.map((a) => [a.slug, a.title]));
	const inSet = new Set(items.map((i) => i.body.id));
	const tagCounts = new Map<string, number>();
	for (const q of bank.questions) for (const t of q.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
	return {
		set: { id: set.id, name: set.name },
		maxSize: MAX_SET_SIZE,
		items: items.map((i) => ({
			...describe(i.body, i.quotes, titles),
			position: i.position,
			version: i.version,
			newerVersion: i.newerVersion,
			retired: !i.active
		})),
		search: { ...search, searched, more: found.length > SEARCH_LIMIT, query: searchParamsOf(event.url).toString() },
		results: found.slice(0, SEARCH_LIMIT).map((r) => ({ ...describe(r.body, r.quotes, titles), inSet: inSet.has(r.body.id) })),
		articles: bank.articles.map((a) => ({ slug: a.slug, title: a.title })),
		tags: [...tagCounts.keys()].sort(),
		types: QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_LABELS[t] })),
		notice: { added: Number(params.get('added')) || 0, via: params.get('via') === 'rule' ? 'rule' : 'search' }
	};
};

/** One edit of the set's items; a refusal the teacher can act on comes back beside `action`'s form. */
async function edit(
	teacherId: string,
	setId: string,
	action: string,
	values: Record<string, string>,
	change: Parameters<typeof editSet>[3]
) {
	const done = await tryService(() => editSet(getDb(), teacherId, setId, change));
	return done.ok ? { failure: null, value: done.value } : { failure: invalid(action, values, { form: done.message }), value: null };
}

export const actions: Actions = {
	rename: async (event) => {
		const teacher = requireTeacher(event, true);
		const values = await readValues(event.request);
		const { data, failure } = parseForm('rename', NameForm, values);
		if (failure) return failure;
		await orHttpError(() => renameSet(getDb(), teacher.id, event.params.id, data.name));
		redirect(303, backTo(event.url, ''));
	},
	move: async (event) => {
		const teacher = requireTeacher(event, true);
		const values = await readValues(event.request);
		const { data, failure } = parseForm('items', MoveForm, values);
		if (failure) return failure;
		const done = await edit(teacher.id, event.params.id, 'items', values, { kind: 'move', position: data.position, by: data.by });
		if (done.failure) return done.failure;
		redirect(303, backTo(event.url, values.questionId ? `item-${values.questionId}` : 'items'));
	},
	remove: async (event) => {
		const teacher = requireTeacher(event, true);
		const values = await readValues(event.request);
		const { data, failure } = parseForm('items', PositionForm, values);
		if (failure) return failure;
		const done = await edit(teacher.id, event.params.id, 'items', values, { kind: 'remove', position: data.position });
		if (done.failure) return done.failure;
		redirect(303, backTo(event.url, 'items'));
	},
	updateVersion: async (event) => {
		const teacher = requireTeacher(event, true);
		const values = await readValues(event.request);
		const { data, failure } = parseForm('items', PositionForm, values);
		if (failure) return failure;
		const done = await edit(teacher.id, event.params.id, 'items', values, { kind: 'update-version', position: data.position });
		if (done.failure) return done.failure;
		redirect(303, backTo(event.url, values.questionId ? `item-${values.questionId}` : 'items'));
	},
	add: async (event) => {
		const teacher = requireTeacher(event, true);
		const values = await readValues(event.request);
		const { data, failure } = parseForm('add', AddForm, values);
		if (failure) return failure;
		const done = await edit(teacher.id, event.params.id, 'add', values, { kind: 'add', questionIds: [data.questionId] });
		if (done.failure) return done.failure;
		redirect(303, backTo(event.url, `result-${data.questionId}`, { added: String(done.value.added), via: 'search' }));
	},
	addRule: async (event) => {
		const teacher = requireTeacher(event, true);
		const values = await readValues(event.request);
		const { data, failure } = parseForm('addRule', RuleForm, values);
		if (failure) return failure;
		const done = await edit(teacher.id, event.params.id, 'addRule', values, {
			kind: 'add-rule',
			filters: {
				articles: data.article ? [data.article] : [],
				tags: data.tag ? [data.tag] : [],
				difficulty: { min: data.minDifficulty, max: 3 },
				count: data.count
			},
			seed: randomUUID()
		});
		if (done.failure) return done.failure;
		redirect(303, backTo(event.url, 'by-rule', { added: String(done.value.added), via: 'rule' }));
	}
};
