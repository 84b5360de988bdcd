import type { QuestionType } from '../bank/types.ts';

export const QUESTION_TYPE_LABELS: Record<QuestionType, string> = {
	single: 'Single choice',
	multiple: 'Multiple select',
	true_false: 'True or false',
	numeric: 'Number',
	short_text: 'Short answer',
	ordering: 'Put in order'
};

/** Words a topic tag spells otherwise than its slug: acronyms and names ("eu-missions" → "EU missions"). */
const TAG_WORDS: Record<string, string> = Object.fromEntries(
	[
		'EU',
		'UN',
		'G5',
		'MINUSMA',
		'ECOWAS',
		'EUTM',
		'Sahel',
		'Mali',
		'Niger',
		'Chad',
		'Russia',
		'France',
		'Barkhane',
		'Takuba',
		'Serval',
		'Pau',
		'Gulf',
		'Guinea',
		'Wagner'
	].map((w) => [w.toLowerCase(), w])
);

/** A topic tag as people read it: "troop-numbers" → "Troop numbers". */
export function tagLabel(tag: string): string {
	const words = tag.split('-').filter(Boolean);
	const text = words.map((w) => TAG_WORDS[w] ?? w).join(' ');
	return text.charAt(0).toUpperCase() + text.slice(1);
}
