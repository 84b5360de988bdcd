import { randomUUID } from 'node:crypto';
import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import type { Question, QuestionType } from '$lib/bank/types.ts';
import { getCurrentBank } from '$lib/server/db/queries/bank.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { RequestError } from '$lib/server/errors.ts';
import { requireTeacher } from '$lib/server/guards.ts';
import { orHttpError } from '$lib/server/errors.ts';
import {
	citeOwnQuestion,
	importGiftQuestions,
	MAX_GIFT_BYTES,
	type ImportReport
} from '$lib/server/teaching/own-questions.ts';
import {
	editSet,
	getSetItems,
	getTeacherSet,
	MAX_SET_SIZE,
	renameSet,
	searchBank
} from '$lib/server/teaching/sets.ts';
import { describeCorrectAnswer } from '$lib/quiz/grade.ts';
import { QUESTION_TYPE_LABELS } from '$lib/quiz/labels.ts';
import { invalid, parseForm, readValues, tryService } from '$lib/server/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

const QUESTION_TYPES = Object.keys(QUESTION_TYPE_LABELS) as QuestionType[];
// The best matches first: a short list keeps the set itself, below, within reach.
const SEARCH_LIMIT = 15;
/** Query parameters that belong to the search panel; they survive every edit so the results stay. */
const SEARCH_KEYS = ['q', 'source', 'article', 'tag', 'type', 'difficulty', 'fresh'] as const;

const Search = z.object({
	q: z.string().trim().max(200).catch(''),
	source: z.enum(['bank', 'mine']).optional().catch(undefined),
	article: z.string().max(100).catch(''),
	tag: z.string().max(100).catch(''),
	type: z
		.enum(QUESTION_TYPES as [QuestionType, ...QuestionType[]])
		.optional()
		.catch(undefined),
	difficulty: z.coerce.number().int().min(1).max(3).optional().catch(undefined),
	/** "Not in this set yet" ticked. */
	fresh: z
		.string()
		.optional()
		.transform((v) => v === '1')
		.catch(false)
});

const NameForm = z.object({
	name: z
		.string('Give the set a name.')
		.trim()
		.min(1, 'Give the set a name.')
		.max(100, 'At most 100 characters.')
});
const PositionForm = z.object({
	position: z.coerce.number('Which question?').int().min(0).max(MAX_SET_SIZE)
});
const MoveForm = PositionForm.extend({
	by: z.enum(['-1', '1'], 'Up or down?').transform((v) => (v === '1' ? 1 : -1) as 1 | -1)
});
const AddForm = z.object({
	questionId: z.string('Which question?').min(1, 'Which question?').max(100)
});
const CiteForm = z.object({
	questionId: z.string('Which question?').min(1, 'Which question?').max(100),
	article: z
		.string('Choose the article the passage comes from.')
		.min(1, 'Choose the article the passage comes from.')
		.max(100),
	passage: z
		.string('Paste the passage of the article.')
		.trim()
		.min(1, 'Paste the passage of the article the question rests on.')
});
const GIFT_FILE = /\.(gift|txt)$/i;
const RuleForm = z.object({
	article: z.string().max(100).default(''),
	tag: z.string().max(100).default(''),
	minDifficulty: z.coerce
		.number('Choose a difficulty.')
		.int()
		.min(1, 'Choose a difficulty.')
		.max(3, 'Choose a difficulty.'),
	count: z.coerce
		.number('Give a number from 1 to 20.')
		.int('Give a whole number.')
		.min(1, 'At least 1 question.')
		.max(20, 'At most 20 at a time.')
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

function describe(
	body: Question,
	quotes: Quote[],
	titles: Map<string, string>,
	ownerId: string | null
) {
	return {
		questionId: body.id,
		/** The teacher's own question (imported); only their own ever reach this page. */
		owned: ownerId !== null,
		/** Every bank question cites its facts; an own question does once the teacher has cited a passage. */
		cited: body.facts.length > 0,
		type: body.type,
		typeLabel: QUESTION_TYPE_LABELS[body.type],
		prompt: body.prompt,
		answer: describeCorrectAnswer(body),
		difficulty: body.difficulty,
		quotes: quotes.map((q) => ({
			quote: q.quote,
			articleSlug: q.articleSlug,
			articleTitle: titles.get(q.articleSlug) ?? q.articleSlug
		}))
	};
}

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const db = getDb();
	const set = await orHttpError(() => getTeacherSet(db, teacher.id, event.params.id));
	const params = event.url.searchParams;
	const search = Search.parse(
		Object.fromEntries(SEARCH_KEYS.map((k) => [k, params.get(k) ?? undefined]))
	);
	const searched = SEARCH_KEYS.some((k) => params.has(k));
	const [items, { bank }, found] = await Promise.all([
		getSetItems(db, set.id),
		getCurrentBank(db),
		searched
			? searchBank(
					db,
					{
						teacherId: teacher.id,
						source: search.source,
						text: search.q,
						article: search.article || undefined,
						tag: search.tag || undefined,
						type: search.type,
						minDifficulty: search.difficulty,
						notInSet: search.fresh ? set.id : undefined
					},
					SEARCH_LIMIT + 1
				)
			: Promise.resolve([])
	]);
	const titles = new Map(bank.articles.map((a) => [a.slug, a.title]));
	const inSet = new Set(items.map((i) => i.body.id));
	const tagCounts = new Map<string, number>();
	for (const q of bank.questions)
		for (const t of q.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
	return {
		set: { id: set.id, name: set.name },
		maxSize: MAX_SET_SIZE,
		items: items.map((i) => ({
			...describe(i.body, i.quotes, titles, i.ownerId),
			position: i.position,
			version: i.version,
			newerVersion: i.newerVersion,
			retired: !i.active
		})),
		search: {
			...search,
			searched,
			more: found.length > SEARCH_LIMIT,
			query: searchParamsOf(event.url).toString()
		},
		results: found.slice(0, SEARCH_LIMIT).map((r) => ({
			...describe(r.body, r.quotes, titles, r.ownerId),
			inSet: inSet.has(r.body.id)
		})),
		articles: bank.articles.map((a) => ({ slug: a.slug, title: a.title })),
		tags: [...tagCounts.keys()].sort(),
		types: QUESTION_TYPES.map((t) => ({ value: t, label: QUESTION_TYPE_LABELS[t] })),
		notice: {
			added: Number(params.get('added')) || 0,
			via: params.get('via') === 'rule' ? 'rule' : 'search',
			cited: params.get('cited') ?? ''
		},
		maxGiftBytes: MAX_GIFT_BYTES
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
	return done.ok
		? { failure: null, value: done.value }
		: { failure: invalid(action, values, { form: done.message }), value: null };
}

/** The GIFT file of an import form, as text; or what is wrong with it, for the teacher. */
async function readGiftUpload(
	request: Request
): Promise<{ text: string; fileName: string } | { problem: string }> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return { problem: 'The upload could not be read. Choose the file again.' };
	}
	const file = form.get('file');
	if (!(file instanceof File) || (file.name === '' && file.size === 0))
		return { problem: 'Choose a GIFT file (.gift or .txt) to import.' };
	if (!GIFT_FILE.test(file.name))
		return {
			problem: `“${file.name}” is not a GIFT file: choose a .gift or .txt file (Moodle exports GIFT as .txt).`
		};
	if (file.size > MAX_GIFT_BYTES)
		return {
			problem: `“${file.name}” is ${(file.size / 1024 / 1024).toFixed(1)} MB; a GIFT file may be at most 1 MB. Split it.`
		};
	if (file.size === 0) return { problem: `“${file.name}” is empty.` };
	try {
		return {
			text: new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer()),
			fileName: file.name
		};
	} catch {
		return {
			problem: `“${file.name}” is not UTF-8 text. Save it as UTF-8 (Moodle's own exports are) and import it again.`
		};
	}
}

export const actions: Actions = {
	importGift: async (event) => {
		const teacher = requireTeacher(event, true);
		const upload = await readGiftUpload(event.request);
		if ('problem' in upload) return invalid('importGift', {}, { form: upload.problem });
		let report: ImportReport;
		try {
			report = await importGiftQuestions(getDb(), teacher.id, upload.text, {
				setId: event.params.id
			});
		} catch (e) {
			if (e instanceof RequestError && e.status === 400)
				return invalid('importGift', {}, { form: e.message });
			if (e instanceof RequestError) return orHttpError(() => Promise.reject(e));
			// The transaction rolled back: say so rather than show an error page.
			console.error('GIFT import failed', e);
			return invalid(
				'importGift',
				{},
				{ form: 'Nothing was imported: saving the questions failed. Try again in a moment.' }
			);
		}
		return {
			action: 'importGift',
			errors: {} as Record<string, string>,
			values: {} as Record<string, string>,
			report: { ...report, fileName: upload.fileName }
		};
	},
	cite: async (event) => {
		const teacher = requireTeacher(event, true);
		const values = await readValues(event.request);
		const { data, failure } = parseForm('cite', CiteForm, values);
		if (failure) return failure;
		const done = await tryService(() =>
			citeOwnQuestion(getDb(), teacher.id, {
				questionId: data.questionId,
				articleSlug: data.article,
				passage: data.passage,
				setId: event.params.id
			})
		);
		if (!done.ok) return invalid('cite', values, { passage: done.message });
		redirect(303, backTo(event.url, `item-${data.questionId}`, { cited: data.questionId }));
	},
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
		const done = await edit(teacher.id, event.params.id, 'items', values, {
			kind: 'move',
			position: data.position,
			by: data.by
		});
		if (done.failure) return done.failure;
		redirect(303, backTo(event.url, values.questionId ? `item-${values.questionId}` : 'items'));
	},
	remove: async (event) => {
		const teacher = requireTeacher(event, true);
		const values = await readValues(event.request);
		const { data, failure } = parseForm('items', PositionForm, values);
		if (failure) return failure;
		const done = await edit(teacher.id, event.params.id, 'items', values, {
			kind: 'remove',
			position: data.position
		});
		if (done.failure) return done.failure;
		redirect(303, backTo(event.url, 'items'));
	},
	updateVersion: async (event) => {
		const teacher = requireTeacher(event, true);
		const values = await readValues(event.request);
		const { data, failure } = parseForm('items', PositionForm, values);
		if (failure) return failure;
		const done = await edit(teacher.id, event.params.id, 'items', values, {
			kind: 'update-version',
			position: data.position
		});
		if (done.failure) return done.failure;
		redirect(303, backTo(event.url, values.questionId ? `item-${values.questionId}` : 'items'));
	},
	add: async (event) => {
		const teacher = requireTeacher(event, true);
		const values = await readValues(event.request);
		const { data, failure } = parseForm('add', AddForm, values);
		if (failure) return failure;
		const done = await edit(teacher.id, event.params.id, 'add', values, {
			kind: 'add',
			questionIds: [data.questionId]
		});
		if (done.failure) return done.failure;
		redirect(
			303,
			backTo(event.url, `result-${data.questionId}`, {
				added: String(done.value.added),
				via: 'search'
			})
		);
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
