// Scheduling by fact: the unit of memory is the fact a question asks about, so that two phrasings of one
// fact share one memory state. A review shows one of the questions that ask about the card's fact.

/** What a card schedules: a fact, or (for a teacher's question that cites no passage yet) that question. */
export type CardUnit = { factId: string; questionId: null } | { factId: null; questionId: string };

/**
 * The unit a question's answers move: the fact it asks about, which the bank lists first among the facts a
 * question cites (the others are context: the second figure of a comparison, the other events of an
 * ordering). A question that cites nothing yet is its own unit.
 */
export function cardUnitOf(question: { id: string; facts: readonly string[] }): CardUnit {
	const asked = question.facts[0];
	return asked ? { factId: asked, questionId: null } : { factId: null, questionId: question.id };
}

/** The unit a stored card schedules (exactly one of its two columns is set). */
export function unitOfCard(card: { factId: string | null; questionId: string | null }): CardUnit {
	return card.factId !== null
		? { factId: card.factId, questionId: null }
		: { factId: null, questionId: card.questionId ?? '' };
}

/** A key that names a unit in maps ("fact:…" or "question:…"). */
export function unitKey(unit: CardUnit) {
	return unit.factId !== null ? `fact:${unit.factId}` : `question:${unit.questionId}`;
}

export type QuestionCandidate = {
	id: string;
	/** How many facts the question cites: fewer means it tests the card's fact more directly. */
	factCount: number;
	/** When this learner last answered it (any source), or null if never. */
	lastSeen: Date | null;
};

/**
 * The question a review of a card shows: forms rotate, the one this learner has seen least recently first
 * (never seen before all); then the one that tests the fact most directly; then by id, so the choice is
 * the same on every read until the learner answers.
 */
export function pickQuestionToShow(candidates: readonly QuestionCandidate[]) {
	let best: QuestionCandidate | null = null;
	for (const c of candidates) if (!best || showsBefore(c, best)) best = c;
	return best;
}

function showsBefore(a: QuestionCandidate, b: QuestionCandidate) {
	const seenA = a.lastSeen?.getTime() ?? -Infinity;
	const seenB = b.lastSeen?.getTime() ?? -Infinity;
	if (seenA !== seenB) return seenA < seenB;
	if (a.factCount !== b.factCount) return a.factCount < b.factCount;
	return a.id < b.id;
}
