// Why a teacher rejects a drafted question: a short list to choose from (one click in the review), stored
// with the draft so the teacher sees it in the rejected list and the drafter's failures can be counted by
// kind. Pure: the schema, the form and the page share it.

export const REJECT_REASONS = [
	'wrong_key',
	'not_stated',
	'ungrammatical',
	'ambiguous',
	'too_easy',
	'duplicate',
	'other'
] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** How the review form and the rejected list name each reason. */
export const REJECT_REASON_LABELS: Record<RejectReason, string> = {
	wrong_key: 'Wrong key',
	not_stated: 'The article does not say it',
	ungrammatical: 'Ungrammatical',
	ambiguous: 'Ambiguous: more than one answer could be right',
	too_easy: 'Too easy: the question gives the answer away',
	duplicate: 'Duplicate of another question',
	other: 'Other (say why in the note)'
};

/** A note is optional, except for "other", whose note is the reason. */
export const MAX_REJECT_NOTE = 300;
