// Item analysis of quiz attempts, computed the way Moodle's quiz statistics report does it.
//
// References:
// - MoodleDocs, "Quiz statistics calculations" (docs.moodle.org/dev/Quiz_statistics_calculations):
//   by default only each student's first attempt is analysed, with an option to include all
//   attempts (each then treated as an independent attempt); an omitted question scores 0.
// - Moodle's implementation: question/classes/statistics/questions/calculator.php (per question)
//   and mod/quiz/report/statistics/classes/calculator.php (whole quiz).
//
// With n attempts, x = a question's mark, X = the attempt total (sum of question marks) and
// R = X − x the rest of the test (the attempt total without this question):
//   facility index       F  = 100 · mean(x) / maxMark
//   standard deviation   SD = 100 · sqrt(V(x)) / maxMark
//   discrimination index D  = 100 · C(x, R) / sqrt(V(x) · V(R))   (null when V(x)·V(R) = 0 or n < 2)
//   Cronbach's alpha     α  = k/(k−1) · (1 − Σ V(x_i) / V(X))      (Moodle shows 100·α as "CIC")
// where V and C are sample variance and covariance (divided by n − 1) and k is the number of
// questions.

export type ItemAttempt = {
	attemptId: string;
	userId: string;
	isFirstAttempt: boolean;
	/** per question id: mark obtained in [0, maxMark], or null when the question was not answered (counts as 0) */
	marks: Record<string, number | null>;
	/** per question id: a label of the response given (option text, or the normalised typed answer), or null */
	responses: Record<string, string[] | null>;
};

export type ItemQuestion = {
	id: string;
	maxMark: number;
	/**
	 * possible responses with whether each is (part of) the key, for single/multiple choice; empty for free
	 * answers, whose responses are marked as the key when they earned the full mark
	 */
	choices: { label: string; isKey: boolean }[];
};

export type ItemAnalysisOptions = {
	/** 'first' (default, as in Moodle) analyses only first attempts; 'all' analyses every attempt. */
	attempts: 'first' | 'all';
	/** Fewer analysed attempts than this: no flags (default FLAG_MIN_ATTEMPTS). */
	minAttemptsToFlag?: number;
};

export const FLAG_LOW_DISCRIMINATION = 'Low discrimination';
export const FLAG_VERY_HARD = 'Very hard';
export const FLAG_VERY_EASY = 'Very easy';
export const FLAG_DISTRACTOR_OVER_KEY = 'A distractor was chosen more often than the key';

export type QuestionFlag =
	| typeof FLAG_LOW_DISCRIMINATION
	| typeof FLAG_VERY_HARD
	| typeof FLAG_VERY_EASY
	| typeof FLAG_DISTRACTOR_OVER_KEY;

/** Whether a flag is about how hard the question was, or a sign that the question itself may be wrong. */
export function flagKind(flag: QuestionFlag): 'difficulty' | 'problem' {
	return flag === FLAG_VERY_EASY || flag === FLAG_VERY_HARD ? 'difficulty' : 'problem';
}

/**
 * No flag rests on fewer analysed attempts: one student's wrong answer says nothing of the question (Moodle
 * likewise leaves discrimination unshown for a handful of attempts).
 */
export const FLAG_MIN_ATTEMPTS = 10;

/** Thresholds behind the flags, in percent. */
export const LOW_DISCRIMINATION_BELOW = 25;
export const VERY_HARD_BELOW = 20;
export const VERY_EASY_ABOVE = 90;

/** Label of the response row counting attempts that gave no response to the question. */
export const NO_ANSWER_LABEL = 'No answer';

export type ResponseCount = { label: string; count: number; isKey: boolean };

export type QuestionStats = {
	questionId: string;
	maxMark: number;
	/** number of analysed attempts (an unanswered question is included with a mark of 0) */
	attempts: number;
	/** 100 × mean mark / max mark; null without attempts or when the max mark is 0 */
	facilityIndex: number | null;
	/** sample standard deviation of the mark (n − 1) as a percentage of the max mark; null when n < 2 */
	standardDeviation: number | null;
	/** 100 × Pearson correlation of the mark with the rest of the attempt total; null when undefined */
	discriminationIndex: number | null;
	/** every choice (count 0 included), then other distinct responses, then a "No answer" row if any */
	responses: ResponseCount[];
	flags: QuestionFlag[];
};

export type ItemAnalysis = {
	attemptCount: number;
	/** sum of the questions' max marks */
	maxTotal: number;
	/** statistics of attempt totals (sums of marks); null when there are no attempts (sd: fewer than 2) */
	mean: number | null;
	median: number | null;
	standardDeviation: number | null;
	/** the same as percentages of maxTotal; null when they are null or maxTotal is 0 */
	meanPercent: number | null;
	medianPercent: number | null;
	standardDeviationPercent: number | null;
	/** k/(k−1) × (1 − Σ V(x_i) / V(X)); null with fewer than 2 attempts or 2 questions, or V(X) = 0 */
	cronbachAlpha: number | null;
	questions: QuestionStats[];
};

// Variances below this are treated as zero, so that rounding noise in marks such as 0.1 + 0.2
// does not produce a meaningless correlation.
const ZERO_VARIANCE = 1e-12;

function markOf(attempt: ItemAttempt, questionId: string): number {
	const mark = attempt.marks[questionId];
	return typeof mark === 'number' && Number.isFinite(mark) ? mark : 0;
}

function mean(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function median(values: readonly number[]): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Sample covariance (divided by n − 1); null when n < 2. */
function covariance(xs: readonly number[], ys: readonly number[]): number | null {
	const n = xs.length;
	if (n < 2) return null;
	const mx = mean(xs) as number;
	const my = mean(ys) as number;
	let sum = 0;
	for (let i = 0; i < n; i++) sum += (xs[i] - mx) * (ys[i] - my);
	return sum / (n - 1);
}

function variance(xs: readonly number[]): number | null {
	return covariance(xs, xs);
}

function percentOf(value: number | null, max: number): number | null {
	if (value === null || max === 0) return null;
	return (100 * value) / max;
}

/** 100 × Pearson correlation, null when either variance is zero or n < 2 (as in Moodle). */
function discrimination(xs: readonly number[], ys: readonly number[]): number | null {
	const vx = variance(xs);
	const vy = variance(ys);
	const cxy = covariance(xs, ys);
	if (vx === null || vy === null || cxy === null) return null;
	if (vx <= ZERO_VARIANCE || vy <= ZERO_VARIANCE) return null;
	const r = cxy / Math.sqrt(vx * vy);
	return 100 * Math.max(-1, Math.min(1, r));
}

function countResponses(question: ItemQuestion, attempts: readonly ItemAttempt[]): ResponseCount[] {
	const choiceRows: ResponseCount[] = question.choices.map((c) => ({
		label: c.label,
		count: 0,
		isKey: c.isKey
	}));
	const choiceByLabel = new Map<string, ResponseCount>();
	for (const row of choiceRows)
		if (!choiceByLabel.has(row.label)) choiceByLabel.set(row.label, row);
	const otherRows = new Map<string, ResponseCount>();
	let noAnswer = 0;

	for (const attempt of attempts) {
		const given = attempt.responses[question.id];
		// Each distinct label counts once per attempt; blank labels are not a response.
		const labels = [...new Set((given ?? []).filter((l) => l.trim() !== ''))];
		if (labels.length === 0) {
			noAnswer++;
			continue;
		}
		for (const label of labels) {
			const row = choiceByLabel.get(label) ?? otherRows.get(label);
			if (row) row.count++;
			else
				otherRows.set(label, {
					label,
					count: 1,
					isKey: question.choices.length === 0 && markOf(attempt, question.id) >= question.maxMark
				});
		}
	}

	const others = [...otherRows.values()].sort(
		(a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0)
	);
	const rows = [...choiceRows, ...others];
	if (noAnswer > 0) rows.push({ label: NO_ANSWER_LABEL, count: noAnswer, isKey: false });
	return rows;
}

function flagsFor(
	facilityIndex: number | null,
	discriminationIndex: number | null,
	question: ItemQuestion,
	responses: readonly ResponseCount[]
): QuestionFlag[] {
	const flags: QuestionFlag[] = [];
	if (discriminationIndex !== null && discriminationIndex < LOW_DISCRIMINATION_BELOW) {
		flags.push(FLAG_LOW_DISCRIMINATION);
	}
	if (facilityIndex !== null && facilityIndex < VERY_HARD_BELOW) flags.push(FLAG_VERY_HARD);
	if (facilityIndex !== null && facilityIndex > VERY_EASY_ABOVE) flags.push(FLAG_VERY_EASY);

	// Only the question's own choices are compared (the first rows, in the order of question.choices).
	const choiceRows = responses.slice(0, question.choices.length);
	const keyCounts = choiceRows.filter((r) => r.isKey).map((r) => r.count);
	if (keyCounts.length > 0) {
		const bestKey = Math.max(...keyCounts);
		if (choiceRows.some((r) => !r.isKey && r.count > bestKey)) flags.push(FLAG_DISTRACTOR_OVER_KEY);
	}
	return flags;
}

export function analyseItems(
	questions: ItemQuestion[],
	attempts: ItemAttempt[],
	options: ItemAnalysisOptions = { attempts: 'first' }
): ItemAnalysis {
	const analysed = options.attempts === 'all' ? attempts : attempts.filter((a) => a.isFirstAttempt);
	const n = analysed.length;
	const k = questions.length;

	// marks[q][i]: mark of question q in analysed attempt i (unanswered = 0).
	const marks = questions.map((q) => analysed.map((a) => markOf(a, q.id)));
	const totals = analysed.map((_, i) => marks.reduce((sum, qMarks) => sum + qMarks[i], 0));
	const maxTotal = questions.reduce((sum, q) => sum + q.maxMark, 0);

	const totalMean = mean(totals);
	const totalMedian = median(totals);
	const totalVariance = variance(totals);
	const totalSd = totalVariance === null ? null : Math.sqrt(Math.max(0, totalVariance));

	const questionStats: QuestionStats[] = questions.map((question, qi) => {
		const xs = marks[qi];
		const rest = totals.map((t, i) => t - xs[i]);
		const markVariance = variance(xs);
		const facilityIndex = percentOf(mean(xs), question.maxMark);
		const standardDeviation = percentOf(
			markVariance === null ? null : Math.sqrt(Math.max(0, markVariance)),
			question.maxMark
		);
		const discriminationIndex = discrimination(xs, rest);
		const responses = countResponses(question, analysed);
		return {
			questionId: question.id,
			maxMark: question.maxMark,
			attempts: n,
			facilityIndex,
			standardDeviation,
			discriminationIndex,
			responses,
			flags:
				n >= (options.minAttemptsToFlag ?? FLAG_MIN_ATTEMPTS)
					? flagsFor(facilityIndex, discriminationIndex, question, responses)
					: []
		};
	});

	let cronbachAlpha: number | null = null;
	if (n >= 2 && k >= 2 && totalVariance !== null && totalVariance > ZERO_VARIANCE) {
		const sumOfItemVariances = marks.reduce((sum, xs) => sum + (variance(xs) as number), 0);
		cronbachAlpha = (k / (k - 1)) * (1 - sumOfItemVariances / totalVariance);
	}

	return {
		attemptCount: n,
		maxTotal,
		mean: totalMean,
		median: totalMedian,
		standardDeviation: totalSd,
		meanPercent: percentOf(totalMean, maxTotal),
		medianPercent: percentOf(totalMedian, maxTotal),
		standardDeviationPercent: percentOf(totalSd, maxTotal),
		cronbachAlpha,
		questions: questionStats
	};
}
