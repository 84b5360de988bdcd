// The rules a bank question must meet that a program can see (the others are in questions/README.md, for the
// author). Pure: it takes the parsed bank and a way to name the file and line of a question or fact, and returns
// one error per problem. parseBank runs it once everything else is valid, so `npm run questions:check` and the
// app's start refuse a bank that breaks these rules just as they refuse a misquoted fact.
import type { Bank, BankError, Question } from './types.ts';

/** Where a question (or one of its keys) stands in the bank files. */
export type Locate = (questionId: string, key?: string) => { file: string; line: number };

type ChoiceQuestion = Extract<Question, { type: 'single' | 'multiple' }>;

/**
 * True when the right options come before every wrong one (for a single-choice question: the key is first).
 * A file written that way shows the key first to every student whose teacher turns shuffling off.
 */
export function keyLeads(q: ChoiceQuestion): boolean {
	const right = q.options.filter((o) => o.correct).length;
	return q.options.slice(0, right).every((o) => o.correct);
}

/**
 * Key position: in each file, no more than half of the choice questions may lead with their key (chance alone
 * puts a single-choice key first in one question of four). Each leading question of such a file is reported.
 */
export function keyPositionErrors(bank: Bank, locate: Locate): BankError[] {
	const byFile = new Map<string, ChoiceQuestion[]>();
	for (const q of bank.questions) {
		if (q.type !== 'single' && q.type !== 'multiple') continue;
		const { file } = locate(q.id);
		byFile.set(file, [...(byFile.get(file) ?? []), q]);
	}
	const errors: BankError[] = [];
	for (const [file, questions] of byFile) {
		const leading = questions.filter(keyLeads);
		if (leading.length < 2 || leading.length * 2 <= questions.length) continue;
		for (const q of leading) {
			errors.push({
				...locate(q.id, 'options'),
				file,
				message: `question "${q.id}": its right option${q.type === 'multiple' ? 's come' : ' comes'} first, as in ${leading.length} of the ${questions.length} choice questions of this file: without shuffling, students would learn that the first option is right. Put the options in an order that does not depend on which is right (e.g. alphabetical or numeric)`
			});
		}
	}
	return errors;
}

/** Every rule of this module, in the order an author would fix them. */
export function qualityErrors(bank: Bank, locate: Locate): BankError[] {
	return [...keyPositionErrors(bank, locate)];
}
