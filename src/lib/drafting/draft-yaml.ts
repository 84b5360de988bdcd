// Drafts as a YAML file in the bank's format (questions/README.md), for an author to review. Every
// question carries `review: pending`; `questions:check` refuses a file while any is left, so nothing
// drafted reaches the bank unread. Pure.
import { Document, isMap, isScalar, isSeq, type YAMLMap } from 'yaml';
import { stableChoiceId } from '../bank/stable-id.ts';
import { yamlAnswerKey } from '../bank/yaml-key.ts';
import type { Draft, DraftArticle } from './types.ts';

export const REVIEW_PENDING = 'pending';

const MAX_ID_LENGTH = 60;

/**
 * A bank id from a draft key: lowercase letters, digits and single hyphens, at most 60 characters. A longer
 * id is cut and ends with a hash of the whole, so two keys that share their first 60 characters (every key
 * of an article with a long title) still get two ids.
 */
export function draftId(prefix: string, key: string): string {
	const whole = `${prefix}-${key}`
		.toLowerCase()
		.replace(/[^a-z0-9]+/gu, '-')
		.replace(/^-+|-+$/gu, '');
	if (whole.length <= MAX_ID_LENGTH) return whole;
	const hash = stableChoiceId('draft', whole).slice(0, 7);
	return `${whole.slice(0, MAX_ID_LENGTH - hash.length - 1).replace(/-+$/u, '')}-${hash}`;
}

export function draftsYaml(article: DraftArticle, drafts: Draft[], source: string): string {
	const prefix = article.slug;
	const facts: Record<string, unknown>[] = [];
	const questions: Record<string, unknown>[] = [];
	const comments: string[][] = [];
	const used = new Set<string>();
	const own: { fact: { id: string; quote: string }; start: number; end: number }[] = [];
	for (const d of drafts) {
		// Keys are unique per article; the suffix is a last guard so that a file never defines an id twice.
		let id = draftId(prefix, d.key);
		for (let n = 2; used.has(id); n++) id = `${draftId(prefix, d.key).slice(0, 56)}-${n}`;
		used.add(id);
		// A passage the bank already quotes is cited by its fact's id, not defined again (one fact, one id). So is
		// one an earlier draft of this file quotes (two values of one sentence): the fact's quote grows to hold both.
		const shared = d.citesFact
			? undefined
			: own.find((f) => f.start < d.span.end && d.span.start < f.end);
		const factId = d.citesFact ?? shared?.fact.id ?? `${id}-f`;
		if (shared) {
			shared.start = Math.min(shared.start, d.span.start);
			shared.end = Math.max(shared.end, d.span.end);
			shared.fact.quote = article.text.slice(shared.start, shared.end);
		} else if (!d.citesFact) {
			const fact = {
				id: factId,
				article: article.slug,
				quote: d.quote,
				...(d.value ? { value: d.value } : {})
			};
			facts.push(fact);
			own.push({ fact, start: d.span.start, end: d.span.end });
		}
		const q = d.question;
		const head = { id, review: REVIEW_PENDING, type: q.type, prompt: q.prompt };
		const key = yamlAnswerKey(q);
		questions.push({
			...head,
			...key,
			explanation: q.explanation,
			facts: [factId, ...d.bankFacts],
			tags: q.tags,
			difficulty: q.difficulty
		});
		const notes = [`drafted from line ${lineOf(article.text, d.span.start)} of ${source}`];
		if (d.similarTo.length)
			notes.push(
				`the bank already asks about this passage: ${d.similarTo.join(', ')}; keep this one only if it asks something new`
			);
		comments.push(notes);
	}
	const doc = new Document({ facts, questions });
	doc.commentBefore = [
		` Drafted questions on "${article.title}" (${source}), by npm run questions:draft.`,
		` Not yet reviewed: every question has "review: ${REVIEW_PENDING}", which questions:check refuses.`,
		' For each question: check the quote says what the key says, that no wrong option is also right, and',
		' that the prompt is clear without the article; edit or delete it, then delete its "review:" line.',
		' The article itself goes into questions/articles/ and questions/articles.yaml:',
		`   - slug: ${article.slug}`,
		`     file: <the file name under questions/articles/>`,
		`     title: ${article.title}`,
		`     publisher: ${article.publisher ?? 'null'}`,
		`     event_date: ${article.eventDate}`
	].join('\n');
	const list = (doc.contents as YAMLMap).get('questions', true);
	if (isSeq(list)) {
		list.items.forEach((item, i) => {
			if (!isMap(item)) return;
			item.commentBefore = comments[i].map((l) => ` ${l}`).join('\n');
			if (i > 0) item.spaceBefore = true;
			for (const k of ['facts', 'tags']) {
				const node = item.get(k, true);
				if (isSeq(node)) node.flow = true;
			}
		});
	}
	const factList = (doc.contents as YAMLMap).get('facts', true);
	if (isSeq(factList)) {
		for (const item of factList.items) {
			if (!isMap(item)) continue;
			const v = item.get('value', true);
			if (isMap(v)) {
				v.flow = true;
				// "2013" must stay a string: unquoted, YAML reads it as a number.
				const date = v.get('date', true);
				if (isScalar(date)) date.type = 'QUOTE_DOUBLE';
			}
		}
	}
	return doc.toString({ lineWidth: 0 });
}

function lineOf(text: string, offset: number): number {
	return text.slice(0, offset).split('\n').length;
}
