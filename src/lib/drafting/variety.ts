// What a draft asks about (its type, for variety), how good it is likely to be (its score), and the choice
// of the drafts to keep: overgenerate, score each, keep the best, and never let one type fill more than a
// third of an article's drafts (issue 16). The score follows Heilman and Smith's ranking of generated
// questions ("Good Question!", 2010): a form that cannot be ungrammatical, a single right answer, and a
// question worth asking. Pure.
import type { Draft } from './types.ts';

/** What a draft asks about, as a teacher would sort a quiz: one value kind, a speaker, a claim, a list, a timeline. */
export type DraftType =
	| 'number'
	| 'date'
	| 'person'
	| 'place'
	| 'organisation'
	| 'speaker'
	| 'true_false'
	| 'list'
	| 'timeline';

export const DRAFT_TYPES: DraftType[] = [
	'number',
	'date',
	'person',
	'place',
	'organisation',
	'speaker',
	'true_false',
	'list',
	'timeline'
];

export function draftType(d: Pick<Draft, 'kind' | 'form'>): DraftType {
	if (d.form === 'true-false') return 'true_false';
	if (d.form === 'who-said') return 'speaker';
	if (d.kind === 'list') return 'list';
	if (d.kind === 'timeline' || d.kind === 'gap') return 'timeline';
	if (d.kind === 'operation' || d.kind === 'organisation') return 'organisation';
	if (d.kind === 'range') return 'number';
	return d.kind;
}

/** How the question is put: a gap in the quoted words, a wh-question built from the sentence, a claim, … */
export type DraftForm = NonNullable<Draft['form']>;

/** Counts of drafts per type. */
export function countByType(drafts: Pick<Draft, 'kind' | 'form'>[]): Record<DraftType, number> {
	const counts = Object.fromEntries(DRAFT_TYPES.map((t) => [t, 0])) as Record<DraftType, number>;
	for (const d of drafts) counts[draftType(d)]++;
	return counts;
}

/** The most drafts of one type among `total`: a third, rounded down, but at least one. */
export function maxOfOneType(total: number): number {
	return Math.max(1, Math.floor(total / 3));
}

/**
 * Keeps the best-scored drafts such that no type holds more than a third of what is kept: the best of each
 * type first (round robin by score), so that a type is cut before another type is lost. At most `limit`.
 * The kept drafts return in their original order (the article's order reads best in review).
 */
export function keepVaried<T extends Pick<Draft, 'kind' | 'form'> & { score?: number }>(
	drafts: T[],
	limit = 40
): T[] {
	const byType = new Map<DraftType, T[]>();
	for (const d of drafts) {
		const t = draftType(d);
		if (!byType.has(t)) byType.set(t, []);
		byType.get(t)!.push(d);
	}
	for (const list of byType.values()) list.sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
	// Take drafts in rounds, one of each type per round, best type first, while the cap allows.
	const order: T[] = [];
	for (let round = 0; order.length < drafts.length; round++) {
		const layer = [...byType.values()]
			.filter((list) => list.length > round)
			.map((list) => list[round])
			.sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
		if (!layer.length) break;
		order.push(...layer);
	}
	// The largest n ≤ limit whose first n drafts (in that order) keep every type within a third of n.
	let best: T[] = [];
	for (let n = Math.min(limit, order.length); n >= 1; n--) {
		const head = order.slice(0, n);
		const counts = countByType(head);
		if (Object.values(counts).every((c) => c <= maxOfOneType(n))) {
			best = head;
			break;
		}
	}
	const kept = new Set(best);
	return drafts.filter((d) => kept.has(d));
}
