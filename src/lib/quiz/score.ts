// The total of an attempt from the grades of its questions.

export type AttemptScore = { score: number; max: number; percent: number; correctCount: number };

export function scoreAttempt(grades: readonly { score: number; correct: boolean }[]): AttemptScore {
	const sum = grades.reduce((total, g) => total + g.score, 0);
	const score = Math.round((sum + Number.EPSILON) * 100) / 100;
	const max = grades.length;
	return {
		score,
		max,
		percent: max === 0 ? 0 : Math.round((100 * score) / max),
		correctCount: grades.filter((g) => g.correct).length
	};
}
