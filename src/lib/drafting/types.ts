// Drafting questions from a new article: the data that goes in and comes out. Plain data only.
import type { FactValue, QuestionType } from '../bank/types.ts';

/** The article to draft from: its text and what we know about it. */
export type DraftArticle = {
	slug: string;
	title: string;
	publisher: string | null;
	/** Date of the reported events, YYYY-MM-DD: resolves "on Monday" or "in June" in the text. */
	eventDate: string;
	text: string;
	/** 1-based lines of page furniture (never quoted); may be empty for a new article. */
	furniture: number[];
	/** How a prompt names an article of the bank (`cited_as` in articles.yaml): "report of 18 February 2022". */
	citedAs?: string;
};

/** A fact of the bank as drafting sees it: distractors and timeline events come from these. */
export type BankFactForDrafting = {
	id: string;
	article: string;
	quote: string;
	value?: FactValue;
	/** The event the fact dates, in the bank authors' words without its date (`event:` in the bank files). */
	event?: string;
};

/** The existing bank: facts with typed values, and the articles they quote (for their dates and words). */
export type DraftingBank = {
	articles: { slug: string; title: string; eventDate: string; text: string; furniture: number[] }[];
	facts: BankFactForDrafting[];
	/** `items` of an ordering question (earliest first) give its dated facts labels in the authors' words. */
	questions: {
		id: string;
		prompt: string;
		facts: string[];
		items?: (string | { text: string })[];
		/** The question's answer, where the bank gives it (the files do; the app's copy need not). */
		options?: { text: string; correct?: boolean }[];
		accepted?: string[];
		answer?: number | boolean;
	}[];
};

/** A sentence of the article with its place in the text. */
export type Sentence = { text: string; start: number; end: number; line: number };

/** A typed value recognised in a sentence; offsets are into the article text. */
export type Mention = {
	value: FactValue;
	start: number;
	end: number;
	/** For numbers: the noun phrase that counts ("French soldiers"); for places: "country", "city"… */
	label: string;
	sentence: Sentence;
	/** Whether the date was written with its year, or worked out from the article's date. */
	inferred?: boolean;
	/** Recognised from a name the bank already types. */
	known?: boolean;
};

/** One proposed question in the bank's YAML shape (options as text, ordering items in order). */
export type DraftQuestion =
	| { type: 'single' | 'multiple'; prompt: string; options: { text: string; correct?: boolean }[] }
	| { type: 'true_false'; prompt: string; answer: boolean }
	| { type: 'numeric'; prompt: string; answer: number; tolerance: number; unit: string }
	| { type: 'short_text'; prompt: string; accepted: string[] }
	| { type: 'ordering'; prompt: string; items: string[] };

export type Draft = {
	/** Stable within one article's drafts: the same text drafts the same keys. */
	key: string;
	kind: FactValue['kind'] | 'list' | 'timeline' | 'gap';
	/**
	 * How the question is put: a gap in the quoted words ("missing word"), a wh-question built from the sentence
	 * where the change is safe (a subject, a count, a date), a stated claim or its negation to judge, who said the
	 * quoted words, a list to pick from, or events to order. Older drafts (saved before forms) have none.
	 */
	form?: 'gap-fill' | 'wh-question' | 'true-false' | 'who-said' | 'list' | 'timeline';
	/**
	 * What the question asks about when it is not the value's kind: "speaker" when the asked words are who said
	 * or reported the sentence's words ("_____ told reporters…", "Which organisation said…?"). For variety.
	 */
	asks?: 'speaker';
	/** The drafter's estimate of how good the draft is (0–1): drafts are ranked by it and the best kept. */
	score?: number;
	question: DraftQuestion & { explanation: string; tags: string[]; difficulty: 1 | 2 | 3 };
	/** The new article's words the answer rests on, exactly as they stand, and where. */
	quote: string;
	span: { start: number; end: number };
	/** What the quote states: the key agrees with it. */
	value?: FactValue;
	/** Facts of other articles the question also rests on (timeline events), by bank fact id. */
	bankFacts: string[];
	/**
	 * On an article of the bank: the bank fact that already quotes the draft's words (`quote` is its quote). The
	 * question cites it rather than defining a second fact for the same passage (one fact, one id).
	 */
	citesFact?: string;
	/** Bank questions that already ask about the same value from an overlapping quote. */
	similarTo: string[];
	/** For questions across reports: the dated events, each with its date and the fact it rests on (none for this article's own). */
	events?: { label: string; date: string; article: string; factId?: string }[];
};

export type { QuestionType };
