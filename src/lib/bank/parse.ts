// Parses and validates the question bank from its sources. Pure: the caller reads the files.
// Every problem is reported with the file and line it comes from, and checking goes on after the first
// problem, so an author sees everything to fix in one run.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { ZodType } from 'zod';
import { findQuote, normaliseAnswerText } from '../text/normalise.ts';
import {
	articleEntrySchema,
	bankFileSchema,
	factEntrySchema,
	QUESTION_TYPES,
	questionEntrySchema,
	type FactEntry,
	type QuestionEntry
} from './schema.ts';
import { qualityErrors } from './quality.ts';
import { stableChoiceId } from './stable-id.ts';
import type { Article, Bank, BankError, Fact, Question } from './types.ts';

export type SourceFile = { file: string; source: string };

export type BankSources = {
	/** questions/articles.yaml */
	articles: SourceFile;
	/** The article texts by file name (as named in articles.yaml). */
	articleTexts: Map<string, string>;
	/** questions/bank/*.yaml, in a stable order. */
	bankFiles: SourceFile[];
};

type Path = (string | number)[];

/** A parsed YAML file that can say on which line any path in it stands. */
class YamlFile {
	readonly doc: Document;
	private readonly lines = new LineCounter();

	constructor(
		readonly file: string,
		source: string,
		private readonly errors: BankError[]
	) {
		this.doc = parseDocument(source, {
			lineCounter: this.lines,
			prettyErrors: false,
			uniqueKeys: true
		});
		for (const e of [...this.doc.errors, ...this.doc.warnings]) {
			this.errors.push({
				file,
				line: this.lineAt(e.pos[0]),
				message: `YAML: ${e.message.split('\n')[0]}`
			});
		}
	}

	get ok() {
		return this.doc.errors.length === 0;
	}

	private lineAt(offset: number) {
		return this.lines.linePos(offset).line;
	}

	/** The line of the deepest node along `path` that exists (so a missing key points at its parent). */
	lineOf(path: Path, key?: string): number {
		let node: unknown = this.doc.contents;
		let line = (node as Node | null)?.range ? this.lineAt((node as Node).range![0]) : 1;
		for (const step of key === undefined ? path : [...path, key]) {
			if (isMap(node)) {
				const pair = node.items.find((p) => isScalar(p.key) && p.key.value === step);
				if (!pair) break;
				if (isScalar(pair.key) && pair.key.range) line = this.lineAt(pair.key.range[0]);
				node = pair.value;
			} else if (isSeq(node) && typeof step === 'number' && node.items[step]) {
				node = node.items[step];
				if ((node as Node).range) line = this.lineAt((node as Node).range![0]);
			} else break;
		}
		return line;
	}

	has(path: Path): boolean {
		return this.doc.hasIn(path);
	}

	error(path: Path, message: string, key?: string) {
		this.errors.push({ file: this.file, line: this.lineOf(path, key), message });
	}

	/** Validates the value at `path` against a schema, reporting each issue at its own line. */
	check<T>(schema: ZodType<T>, value: unknown, path: Path, label: string): T | null {
		const result = schema.safeParse(value);
		if (result.success) return result.data;
		for (const issue of result.error.issues) {
			const at = [...path, ...(issue.path as (string | number)[])];
			const where = issue.path.length ? `${label}, ${issue.path.join('.')}` : label;
			if (issue.code === 'unrecognized_keys') {
				for (const key of issue.keys) this.error(at, `${label}: unknown key "${key}"`, key);
			} else if (issue.code === 'invalid_type' && !this.has(at)) {
				this.error(at.slice(0, -1), `${label}: missing "${String(at[at.length - 1])}"`);
			} else {
				this.error(at, `${where}: ${issue.message}`);
			}
		}
		return null;
	}
}

/**
 * Ids starting with "t-" belong to teachers' own questions and the facts they cite (made in the app, never
 * in these files), so a bank id can never take over a teacher's question.
 */
export const TEACHER_ID_PREFIX = 't-';
export const isTeacherId = (id: string) => id.startsWith(TEACHER_ID_PREFIX);
const RESERVED_MESSAGE = `ids starting with "${TEACHER_ID_PREFIX}" are reserved for teachers' own questions and facts`;

export function parseBank(sources: BankSources): { bank: Bank | null; errors: BankError[] } {
	const errors: BankError[] = [];
	const articles = parseArticles(sources, errors);
	const articleBySlug = new Map(articles.map((a) => [a.slug, a]));

	const facts: Fact[] = [];
	const questions: Question[] = [];
	const factWhere = new Map<string, string>();
	const questionWhere = new Map<string, string>();
	const pendingCitations: { yaml: YamlFile; path: Path; question: QuestionEntry }[] = [];
	const factAt = new Map<string, { yaml: YamlFile; path: Path }>();

	for (const { file, source } of sources.bankFiles) {
		const yaml = new YamlFile(file, source, errors);
		if (!yaml.ok) continue;
		const top = yaml.check(bankFileSchema, yaml.doc.toJS() ?? {}, [], 'bank file');
		if (!top) continue;

		top.facts.forEach((raw, i) => {
			const path = ['facts', i];
			const entry = yaml.check(factEntrySchema, raw, path, `fact ${describeEntry(raw, i)}`);
			if (!entry) return;
			if (isTeacherId(entry.id))
				return yaml.error(path, `fact "${entry.id}": ${RESERVED_MESSAGE}`, 'id');
			const seen = factWhere.get(entry.id);
			if (seen) return yaml.error(path, `fact "${entry.id}": id already used at ${seen}`, 'id');
			factWhere.set(entry.id, `${file}:${yaml.lineOf(path, 'id')}`);
			const fact = resolveFact(entry, articleBySlug, (message, key) =>
				yaml.error(path, `fact "${entry.id}": ${message}`, key)
			);
			if (fact) {
				facts.push(fact);
				factAt.set(fact.id, { yaml, path });
			}
		});

		top.questions.forEach((raw, i) => {
			const path = ['questions', i];
			const label = `question ${describeEntry(raw, i)}`;
			const type = (raw as { type?: unknown } | null)?.type;
			if (!QUESTION_TYPES.includes(type as never)) {
				return yaml.error(
					path,
					`${label}: type must be one of ${QUESTION_TYPES.join(', ')}`,
					type === undefined ? undefined : 'type'
				);
			}
			// Drafts (npm run questions:draft) are marked `review: pending` until an author has read them.
			if (raw && typeof raw === 'object' && 'review' in raw) {
				return yaml.error(
					path,
					`${label}: not yet reviewed (review: ${String((raw as { review: unknown }).review)}): check its quote, key, options and prompt against the article, then delete the "review:" line`,
					'review'
				);
			}
			const entry = yaml.check(questionEntrySchema, raw, path, label);
			if (!entry) return;
			if (isTeacherId(entry.id))
				return yaml.error(path, `question "${entry.id}": ${RESERVED_MESSAGE}`, 'id');
			const seen = questionWhere.get(entry.id);
			if (seen) return yaml.error(path, `question "${entry.id}": id already used at ${seen}`, 'id');
			questionWhere.set(entry.id, `${file}:${yaml.lineOf(path, 'id')}`);
			const question = buildQuestion(entry, (message, key) =>
				yaml.error(path, `question "${entry.id}": ${message}`, key)
			);
			if (question) {
				questions.push(question);
				pendingCitations.push({ yaml, path, question: entry });
			}
		});
	}

	// Citations are checked last: a question may cite a fact defined in another file.
	for (const { yaml, path, question } of pendingCitations) {
		question.facts.forEach((id, i) => {
			if (!factWhere.has(id))
				yaml.error([...path, 'facts', i], `question "${question.id}": cites unknown fact "${id}"`);
		});
	}

	// The rules of a good question (quality.ts) look at the bank as a whole, so they run once it is valid.
	if (!errors.length) {
		const questionAt = new Map(pendingCitations.map((c) => [c.question.id, c]));
		errors.push(
			...qualityErrors(
				{ articles, facts, questions },
				{
					question: (id, key) => {
						const { yaml, path } = questionAt.get(id)!;
						return { file: yaml.file, line: yaml.lineOf(path, key) };
					},
					fact: (id, key) => {
						const { yaml, path } = factAt.get(id)!;
						return { file: yaml.file, line: yaml.lineOf(path, key) };
					}
				}
			)
		);
	}

	errors.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
	if (errors.length) return { bank: null, errors };
	return { bank: { articles, facts, questions }, errors };
}

function describeEntry(raw: unknown, index: number): string {
	const id = (raw as { id?: unknown } | null)?.id;
	return typeof id === 'string' ? `"${id}"` : `#${index + 1}`;
}

function parseArticles(sources: BankSources, errors: BankError[]): Article[] {
	const yaml = new YamlFile(sources.articles.file, sources.articles.source, errors);
	if (!yaml.ok) return [];
	const raw = yaml.doc.toJS();
	if (!Array.isArray(raw)) {
		yaml.error([], 'articles.yaml must be a list of articles');
		return [];
	}
	const articles: Article[] = [];
	const seen = new Set<string>();
	raw.forEach((item, i) => {
		const path = [i];
		const entry = yaml.check(
			articleEntrySchema,
			item,
			path,
			`article ${describeEntry({ id: item?.slug }, i)}`
		);
		if (!entry) return;
		if (seen.has(entry.slug))
			return yaml.error(path, `article "${entry.slug}": slug already used`, 'slug');
		seen.add(entry.slug);
		const text = sources.articleTexts.get(entry.file);
		if (text === undefined)
			return yaml.error(path, `article "${entry.slug}": no file articles/${entry.file}`, 'file');
		const lines = text.split('\n');
		const furniture: number[] = [];
		entry.furniture.forEach((line, j) => {
			const at = lines.findIndex((l) => l.trim() === line.trim());
			if (at < 0)
				yaml.error(
					[...path, 'furniture', j],
					`article "${entry.slug}": furniture line not found in ${entry.file}: "${line}"`
				);
			else furniture.push(at + 1);
		});
		articles.push({
			slug: entry.slug,
			file: entry.file,
			title: entry.title,
			publisher: entry.publisher,
			eventDate: entry.event_date,
			...(entry.cited_as ? { citedAs: entry.cited_as } : {}),
			furniture: furniture.sort((a, b) => a - b),
			text
		});
	});
	return articles;
}

/** [start, end) offsets of each furniture line of an article. */
export function furnitureRanges(article: Pick<Article, 'text' | 'furniture'>) {
	const ranges: { start: number; end: number; line: number }[] = [];
	let offset = 0;
	article.text.split('\n').forEach((line, i) => {
		if (article.furniture.includes(i + 1))
			ranges.push({ start: offset, end: offset + line.length, line: i + 1 });
		offset += line.length + 1;
	});
	return ranges;
}

/** Words that date something: a year, a month, a weekday, "today", "last month", a day written 17/02. */
const DATE_WORDS =
	/\b(1[89]|20)\d{2}\b|\b(January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b|\b([Tt]oday|[Yy]esterday|[Tt]omorrow|[Tt]onight)\b|\b([Ll]ast|[Nn]ext|[Tt]his) (week|month|year)\b|\b\d{1,2}\/\d{1,2}\b/u;

/**
 * What is wrong with a fact's event label, if anything: it may stand only on a fact that dates something (its value is
 * a date, or its quote names a year, month, weekday, "today" or "last month"), and must not say the date itself (a
 * timeline question showing it would give its order away).
 */
export function eventProblem(entry: Pick<FactEntry, 'quote' | 'value' | 'event'>): string | null {
	const event = entry.event ?? '';
	if (entry.value?.kind !== 'date' && !DATE_WORDS.test(entry.quote)) {
		return 'an event label needs a dated fact: give the fact a date value, or quote the words that date it (a year, a month, a weekday, "today", "last month")';
	}
	if (DATE_WORDS.test(event))
		return `event "${event}" names a date or time ("${event.match(DATE_WORDS)![0]}"): say what happened, not when`;
	if (/[()[\]]/u.test(event))
		return `event "${event}" has a bracket: drafting cuts brackets off (they hold dates), write the label without one`;
	if (event.trim().split(/\s+/u).length > 14)
		return `event "${event}" is longer than 14 words: a timeline option must be short`;
	return null;
}

function resolveFact(
	entry: FactEntry,
	articles: Map<string, Article>,
	report: (message: string, key?: string) => void
): Fact | null {
	const article = articles.get(entry.article);
	if (!article) {
		report(`unknown article "${entry.article}"`, 'article');
		return null;
	}
	const span = findQuote(article.text, entry.quote);
	if (!span) {
		report(
			`quote not found in article ${article.slug} (only whitespace and quote style may differ)`,
			'quote'
		);
		return null;
	}
	const furniture = furnitureRanges(article).find((r) => span.start < r.end && r.start < span.end);
	if (furniture) {
		report(
			`quote is taken from page furniture (line ${furniture.line} of ${article.file}), which is not reporting`,
			'quote'
		);
		return null;
	}
	if (entry.value?.kind === 'range' && entry.value.min > entry.value.max)
		report('range min is larger than max', 'value');
	if (entry.event !== undefined) {
		const problem = eventProblem(entry);
		if (problem) {
			report(problem, 'event');
			return null;
		}
	}
	return {
		id: entry.id,
		article: entry.article,
		quote: entry.quote,
		value: entry.value,
		...(entry.event !== undefined ? { event: entry.event } : {}),
		span
	};
}

/** Checks the answer key against its type and builds the question with stable option ids. */
export function buildQuestion(
	entry: QuestionEntry,
	report: (message: string, key?: string) => void
): Question | null {
	const base = {
		id: entry.id,
		prompt: entry.prompt,
		explanation: entry.explanation,
		facts: entry.facts,
		tags: entry.tags,
		difficulty: entry.difficulty
	};
	const problems: [string, string][] = [];
	const distinct = (texts: string[], what: string, key: string) => {
		const normalised = texts.map(normaliseAnswerText);
		const dup = normalised.findIndex((t, i) => normalised.indexOf(t) !== i);
		if (dup >= 0) problems.push([`${what} "${texts[dup]}" appears twice`, key]);
	};
	if (new Set(entry.facts).size !== entry.facts.length)
		problems.push(['cites the same fact twice', 'facts']);

	let question: Question;
	switch (entry.type) {
		case 'single':
		case 'multiple': {
			distinct(
				entry.options.map((o) => o.text),
				'option',
				'options'
			);
			const right = entry.options.filter((o) => o.correct).length;
			const wrong = entry.options.length - right;
			if (entry.type === 'single' && right !== 1)
				problems.push([
					`a single-choice question needs exactly one correct option, found ${right}`,
					'options'
				]);
			if (entry.type === 'multiple' && (right < 1 || wrong < 1))
				problems.push([
					'a multiple-select question needs at least one correct and one wrong option',
					'options'
				]);
			const options = entry.options.map((o) => ({
				id: stableChoiceId(entry.id, o.text),
				text: o.text,
				correct: o.correct === true
			}));
			question = { ...base, type: entry.type, options };
			break;
		}
		case 'true_false':
			question = { ...base, type: 'true_false', answer: entry.answer };
			break;
		case 'numeric':
			if (entry.tolerance >= Math.abs(entry.answer) && entry.answer !== 0)
				problems.push([
					`tolerance ${entry.tolerance} is not smaller than the answer ${entry.answer}: almost anything would be right`,
					'tolerance'
				]);
			question = {
				...base,
				type: 'numeric',
				answer: entry.answer,
				tolerance: entry.tolerance,
				unit: entry.unit
			};
			break;
		case 'short_text':
			distinct(entry.accepted, 'accepted answer', 'accepted');
			if (entry.accepted.some((a) => normaliseAnswerText(a) === ''))
				problems.push([
					'an accepted answer is only punctuation: nothing typed could match it',
					'accepted'
				]);
			question = { ...base, type: 'short_text', accepted: entry.accepted };
			break;
		case 'ordering':
			distinct(entry.items, 'item', 'items');
			question = {
				...base,
				type: 'ordering',
				items: entry.items.map((text) => ({ id: stableChoiceId(entry.id, text), text }))
			};
			break;
	}
	for (const [message, key] of problems) report(message, key);
	return problems.length ? null : question;
}
