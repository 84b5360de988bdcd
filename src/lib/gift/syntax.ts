// Typed access to the parser generated from gift.peggy: the shapes its rules return, and its errors.
import { parse, SyntaxError as PeggySyntaxError } from './gift-parser.js';

export type TextFormat = 'moodle' | 'html' | 'plain' | 'markdown';

/** One line of a GIFT file (start rule File). Content lines are trimmed, as Moodle trims them. */
export type GiftLine =
	| { kind: 'blank'; line: number }
	| { kind: 'comment'; line: number; id: string | null; tags: string[] }
	| { kind: 'content'; line: number; text: string };

type Weighted = { weight: number | null; feedback: string | null };
export type NumberSpec = { answer: number; tolerance: number } | { low: number; high: number };

export type GiftAnswers =
	| { kind: 'essay'; generalFeedback: string | null }
	| {
			kind: 'numeric';
			answers: (Weighted & NumberSpec)[];
			wrongFeedback: string | null;
			generalFeedback: string | null;
	  }
	| {
			kind: 'true_false';
			value: boolean;
			wrongFeedback: string | null;
			rightFeedback: string | null;
			generalFeedback: string | null;
	  }
	| { kind: 'matching'; pairs: { left: string; right: string }[]; generalFeedback: string | null }
	| {
			kind: 'choice';
			choices: (Weighted & { mark: '=' | '~'; text: string })[];
			generalFeedback: string | null;
	  }
	| { kind: 'short'; answers: (Weighted & { text: string })[]; generalFeedback: string | null };

/** One question block (start rule Question). `answers` is null for a description (no braces at all). */
export type GiftBlock =
	| { kind: 'category'; parts: string[] }
	| {
			kind: 'question';
			title: string | null;
			format: TextFormat;
			/** Question text before the answer section, unescaped, untrimmed. */
			before: string;
			answers: GiftAnswers | null;
			/** Question text after the answer section (the "missing word" form when not empty). */
			after: string;
	  };

export type GiftSyntaxError = { message: string; line: number; column: number };

export function parseLines(text: string): GiftLine[] {
	return parse(text, { startRule: 'File' }) as GiftLine[];
}

/** Parses one block; a syntax error comes back as a value with its 1-based line within the block. */
export function parseBlock(text: string): { block: GiftBlock } | { error: GiftSyntaxError } {
	try {
		return { block: parse(text, { startRule: 'Question' }) as GiftBlock };
	} catch (e) {
		if (e instanceof PeggySyntaxError) {
			const { line, column } = (e as { location: { start: { line: number; column: number } } })
				.location.start;
			return { error: { message: (e as Error).message, line, column } };
		}
		throw e;
	}
}
