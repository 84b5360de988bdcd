// Leeches: cards the learner keeps forgetting. Anki's rule: a card is a leech at its 8th lapse and again
// every half of that (12, 16, …); each time it is suspended, out of the queue until the learner takes it back.

export const LEECH_LAPSES = 8;

/** Whether the lapses from `before` to `after` reach the leech threshold or one of its later steps. */
export function turnsLeech(before: number, after: number) {
	for (let n = before + 1; n <= after; n++)
		if (n >= LEECH_LAPSES && (n - LEECH_LAPSES) % (LEECH_LAPSES / 2) === 0) return true;
	return false;
}
