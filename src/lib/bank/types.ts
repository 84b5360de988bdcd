// The question bank as the rest of the app sees it, after parsing and validation.
// Everything here is plain data: it is loaded from questions/ and synced into Postgres.

export type ArticleMeta = {
	slug: string; // stable, used in URLs and fact references
	file: string; // file name under questions/articles/, copied unchanged from the seeds
	title: string; // our own words
	publisher: string | null; // as named in the text, or null when none is named
	eventDate: string; // ISO date (YYYY-MM-DD) of the reported events
	/** How a prompt names this article when it points at it ("the report of 18 February 2022"). */
	citedAs?: string;
	/** 1-based line numbers of page furniture (banners, ads, comment forms): hidden on the article page, never citable. */
	furniture: number[];
};

export type Article = ArticleMeta & { text: string };

export type FactValue =
	| { kind: 'number'; amount: number; unit: string }
	| { kind: 'range'; min: number; max: number; unit: string }
	| { kind: 'date'; date: string } // YYYY, YYYY-MM or YYYY-MM-DD
	| { kind: 'person'; name: string; role?: string }
	| { kind: 'place'; name: string }
	| { kind: 'organisation'; name: string }
	| { kind: 'operation'; name: string };

export type Fact = {
	id: string;
	article: string; // article slug
	quote: string; // verbatim words of the article (whitespace and quote style may differ)
	value?: FactValue;
	/**
	 * The event the fact dates, in a few of our words and without its date: only on a fact whose value is a date
	 * or whose quote states one. Drafting labels timeline questions with it; it is not part of any question.
	 */
	event?: string;
	/** Where the quote sits in the article text, found by the validator: [start, end) character offsets. */
	span: { start: number; end: number };
};

export type QuestionType =
	'single' | 'multiple' | 'true_false' | 'numeric' | 'short_text' | 'ordering';

export type Option = { id: string; text: string; correct: boolean };

type QuestionBase = {
	id: string; // stable across edits; an edit makes a new version, not a new id
	prompt: string;
	explanation: string; // our own words: why the answer is right
	facts: string[]; // fact ids, at least one
	tags: string[];
	difficulty: 1 | 2 | 3;
};

export type Question =
	| (QuestionBase & { type: 'single'; options: Option[] })
	| (QuestionBase & { type: 'multiple'; options: Option[] })
	| (QuestionBase & { type: 'true_false'; answer: boolean })
	| (QuestionBase & { type: 'numeric'; answer: number; tolerance: number; unit: string })
	| (QuestionBase & { type: 'short_text'; accepted: string[] })
	| (QuestionBase & { type: 'ordering'; items: { id: string; text: string }[] }); // items in the correct order

export type Bank = {
	articles: Article[];
	facts: Fact[];
	questions: Question[];
};

/** One problem found in the bank, always pointing at a file and a line. */
export type BankError = { file: string; line: number; message: string };
