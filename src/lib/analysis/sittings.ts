// Which sittings of a piece of work are a student's first: the one answered before any feedback. The item
// analysis and the article heatmap both count first sittings, by this one rule.

/** One submitted sitting: homework attempt or live session, of `work` (an assignment, or a live session run from a set alone). */
export type Sitting = { id: string; userId: string; work: string; startedAt: Date };

/** The ids of each student's earliest sitting of each work (homework or live alike; ties by id). */
export function firstSittings(sittings: Sitting[]): Set<string> {
	const first = new Map<string, Sitting>();
	for (const s of sittings) {
		const key = `${s.userId}\u0000${s.work}`;
		const held = first.get(key);
		if (
			!held ||
			s.startedAt.getTime() < held.startedAt.getTime() ||
			(s.startedAt.getTime() === held.startedAt.getTime() && s.id < held.id)
		)
			first.set(key, s);
	}
	return new Set([...first.values()].map((s) => s.id));
}
