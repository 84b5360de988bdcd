import { redirect } from '@sveltejs/kit';
import {
	articleInputErrors,
	articleInputSchema,
	MAX_ARTICLE_CHARS
} from '$lib/drafting/article-input.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { requireTeacher } from '$lib/server/guards.ts';
import { orHttpError } from '$lib/server/errors.ts';
import { addTeacherArticle, listTeacherArticles } from '$lib/server/teaching/articles.ts';
import { DraftingRefusedError } from '$lib/server/teaching/draft-off-thread.ts';
import { invalid } from '$lib/server/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

const TEXT_FILE = /\.txt$/i;
/** A .txt upload of at most this many bytes (UTF-8 may take up to 4 bytes a character). */
const MAX_UPLOAD_BYTES = 4 * MAX_ARTICLE_CHARS;

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	return { articles: await listTeacherArticles(getDb(), teacher.id), maxChars: MAX_ARTICLE_CHARS };
};

/** The add-article form: its text fields, and the article text from the upload or the text box. */
async function readArticleForm(
	request: Request
): Promise<{ values: Record<string, string>; fileName?: string } | { problem: string }> {
	let form: FormData;
	try {
		form = await request.formData();
	} catch {
		return { problem: 'The form could not be read. Try again.' };
	}
	const field = (name: string) => {
		const v = form.get(name);
		return typeof v === 'string' ? v : '';
	};
	const values = {
		title: field('title'),
		publisher: field('publisher'),
		eventDate: field('eventDate'),
		text: field('text')
	};
	const file = form.get('file');
	if (file instanceof File && !(file.name === '' && file.size === 0)) {
		if (!TEXT_FILE.test(file.name))
			return {
				problem: `“${file.name}” is not a text file: upload a .txt file, or paste the text.`
			};
		if (file.size > MAX_UPLOAD_BYTES)
			return {
				problem: `“${file.name}” is too large: an article may have at most ${MAX_ARTICLE_CHARS.toLocaleString('en-GB')} characters.`
			};
		try {
			values.text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
		} catch {
			return { problem: `“${file.name}” is not UTF-8 text. Save it as UTF-8 and upload it again.` };
		}
		return { values, fileName: file.name };
	}
	return { values };
}

export const actions: Actions = {
	add: async (event) => {
		const teacher = requireTeacher(event, true);
		const read = await readArticleForm(event.request);
		if ('problem' in read) return invalid('add', {}, { file: read.problem });
		const parsed = articleInputSchema.safeParse(read.values);
		// The text goes back only when short enough to send back: a long one is still in the teacher's file.
		const refill = {
			...read.values,
			text: read.values.text.length <= MAX_ARTICLE_CHARS ? read.values.text : ''
		};
		if (!parsed.success)
			return invalid('add', refill, articleInputErrors(parsed.error) as Record<string, string>);
		let slug: string;
		try {
			({ slug } = await orHttpError(() =>
				addTeacherArticle(getDb(), teacher.id, { ...parsed.data, fileName: read.fileName })
			));
		} catch (e) {
			if (e instanceof DraftingRefusedError) return invalid('add', refill, { text: e.message });
			throw e;
		}
		redirect(303, `/teach/articles/${slug}`);
	}
};
