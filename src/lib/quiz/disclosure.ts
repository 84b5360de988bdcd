// What a viewer may know about an attempt right now: its score, and for its questions the verdict, the key,
// the explanation and the cited passages. One pure rule (clock passed in) that every page, action, export
// and endpoint asks through $lib/server/disclosure.ts, so that no path can forget it.

export type FeedbackTiming = 'after_each' | 'after_submit' | 'after_due';

export type DisclosureFacts = {
	/** The attempt's owner, or a teacher of the class it was assigned in. */
	viewer: 'owner' | 'teacher';
	status: 'in_progress' | 'submitted';
	/** Null for practice. `member`: the owner is still in the class (a removed student learns nothing more). */
	assignment: { feedback: FeedbackTiming; dueAt: Date; member: boolean } | null;
	/**
	 * Practice only: some of its questions are held back by an assignment open to the owner (see
	 * assignmentWithholdsKeys), as when they started the quiz before the assignment reached them.
	 */
	heldByAssignment?: boolean;
	now: Date;
};

/**
 * `score`: the attempt's score and which answers were right. `answers`: for which questions the verdict,
 * key, explanation and citations may be shown: none, only those answered (and so final, feedback after
 * each question), or all. `releasesAt`: when a withheld attempt will be released by the clock alone.
 */
export type Disclosure = {
	score: boolean;
	answers: 'none' | 'answered' | 'all';
	releasesAt: Date | null;
	reason:
		| 'teacher'
		| 'released'
		| 'in_progress'
		| 'checked_only'
		| 'before_due'
		| 'removed_from_class'
		| 'held_by_assignment';
};

const NOTHING = { score: false, answers: 'none', releasesAt: null } as const;

export function decideDisclosure(f: DisclosureFacts): Disclosure {
	if (f.viewer === 'teacher')
		return { score: true, answers: 'all', releasesAt: null, reason: 'teacher' };
	const a = f.assignment;
	if (a && !a.member) return { ...NOTHING, reason: 'removed_from_class' };
	if (f.status === 'in_progress')
		return a?.feedback === 'after_each'
			? { score: false, answers: 'answered', releasesAt: null, reason: 'checked_only' }
			: { ...NOTHING, reason: 'in_progress' };
	if (a?.feedback === 'after_due' && f.now < a.dueAt)
		return { ...NOTHING, releasesAt: a.dueAt, reason: 'before_due' };
	// Its score and keys would tell the assignment's answers: nothing until that assignment lets them go.
	if (!a && f.heldByAssignment) return { ...NOTHING, reason: 'held_by_assignment' };
	return { score: true, answers: 'all', releasesAt: null, reason: 'released' };
}

/** Whether the key of one question of the attempt may be shown (`answered`: it has a saved, final answer). */
export function mayShowAnswer(d: Disclosure, answered: boolean): boolean {
	return d.answers === 'all' || (d.answers === 'answered' && answered);
}

/**
 * Whether an assignment holds back its questions' keys from this student's practice, review queue,
 * mistakes and article pages. Feedback after the due time: until that time, whatever they did. Otherwise:
 * while they have an attempt in progress, or can still start one and have submitted none. Once it is
 * closed to them (past the due time without late work, or every attempt used) or they have submitted one
 * and see its results, practice cannot tell them more than the results page does.
 */
export function assignmentWithholdsKeys(a: {
	feedback: FeedbackTiming;
	dueAt: Date;
	lateWork: 'refuse' | 'mark_late';
	attemptsAllowed: number;
	attemptsStarted: number;
	submitted: number;
	inProgress: boolean;
	now: Date;
}): boolean {
	if (a.feedback === 'after_due' && a.now < a.dueAt) return true;
	if (a.inProgress) return true;
	const closed =
		(a.now > a.dueAt && a.lateWork === 'refuse') || a.attemptsStarted >= a.attemptsAllowed;
	return !closed && a.submitted === 0;
}
