// How well the optimiser's decisions predict the future, on a real review log (default: the shared
// 12,580-review Anki log). The later half of the log by time is held out; the optimiser is run, as the
// app runs it, on the first 400, 1,000, 2,516 and 5,000 reviews in turn (each run starting from the
// parameters the previous one left in force), and the parameters it leaves in force are scored on the
// later half against a constant prediction and ts-fsrs's defaults. Log loss and RMSE(bins) are fsrs-rs's.
//
//   npm run review:evaluate [-- path/to/review_logs.csv]
import { readFileSync } from 'node:fs';
import { FSRSBinding } from '@open-spaced-repetition/binding';
import {
	buildTrainingHistories,
	defaultParameters,
	optimiseParameters,
	toBindingItems,
	type ReviewLogRow
} from '../src/lib/review/optimise.ts';
import type { ReviewRating } from '../src/lib/review/rating.ts';

const file = process.argv[2] ?? '/work/shared/data/fsrs-revlog/review_logs.csv';
// The learner's zone is not recorded: no review falls between 06:00 and 15:00 UTC, night in Los Angeles.
const TIME_ZONE = 'America/Los_Angeles';
const ROLLOVER_HOUR = 4;
const PREFIXES = [400, 1_000, 2_516, 5_000];

function readLog(path: string): ReviewLogRow[] {
	const [header, ...lines] = readFileSync(path, 'utf8').trim().split(/\r?\n/);
	const columns = header.split(',');
	const [iCard, iRating, iTime] = ['card_id', 'review_rating', 'review_time'].map((c) =>
		columns.indexOf(c)
	);
	if ([iCard, iRating, iTime].includes(-1))
		throw new Error(`${path}: needs the columns card_id, review_rating and review_time`);
	return lines.map((line, i) => {
		const cells = line.split(',');
		const reviewedAt = new Date(cells[iTime].replace(/(\.\d{3})\d+/, '$1'));
		const rating = Number(cells[iRating]);
		if (!Number.isFinite(reviewedAt.getTime()) || ![1, 2, 3, 4].includes(rating))
			throw new Error(`${path}:${i + 2}: not a review: ${line}`);
		return { cardId: cells[iCard], rating: rating as ReviewRating, reviewedAt };
	});
}

const log = readLog(file).sort((a, b) => a.reviewedAt.getTime() - b.reviewedAt.getTime());
const splitAt = log[Math.floor(log.length / 2)].reviewedAt.getTime();
const laterHalf = buildTrainingHistories(log, TIME_ZONE, ROLLOVER_HOUR).filter(
	(h) => h.reviewedAt.getTime() >= splitAt
);
const laterItems = toBindingItems(laterHalf);
const recalled = (h: { reviews: { rating: number }[] }) =>
	h.reviews[h.reviews.length - 1].rating > 1;

const score = (params: number[]) => new FSRSBinding(params).evaluate(laterItems);
/** The constant prediction: the share recalled among the prefix's own predicted reviews. */
function constantScore(prefix: ReviewLogRow[]) {
	const own = buildTrainingHistories(prefix, TIME_ZONE, ROLLOVER_HOUR);
	const p = Math.min(0.999, Math.max(0.001, own.filter(recalled).length / own.length));
	const outcomes = laterHalf.map(recalled);
	const logLoss =
		-outcomes.reduce((sum, y) => sum + (y ? Math.log(p) : Math.log(1 - p)), 0) / outcomes.length;
	return { p, logLoss };
}

const defaults = score(defaultParameters());
const rows: string[] = [];
let current: number[] | null = null;
for (const n of PREFIXES) {
	const prefix = log.slice(0, n);
	const before = current;
	const t = performance.now();
	const result = await optimiseParameters(prefix, TIME_ZONE, current, ROLLOVER_HOUR);
	const ms = performance.now() - t;
	current = result.parameters;
	const replaced = before ? score(before) : defaults;
	const inForce = current ? score(current) : defaults;
	const candidate = result.candidate ? score(result.candidate) : null;
	const constant = constantScore(prefix);
	rows.push(
		`| ${n.toLocaleString('en')} | ${result.decision} | ${result.logLossCurrent.toFixed(4)} / ${result.logLossNew?.toFixed(4) ?? '—'} (${result.heldOutItems ?? 0}) | ` +
			`${constant.logLoss.toFixed(4)} | ${defaults.logLoss.toFixed(4)} / ${defaults.rmseBins.toFixed(4)} | ` +
			`${replaced.logLoss.toFixed(4)} / ${replaced.rmseBins.toFixed(4)} | ${inForce.logLoss.toFixed(4)} / ${inForce.rmseBins.toFixed(4)} | ${candidate ? `${candidate.logLoss.toFixed(4)} / ${candidate.rmseBins.toFixed(4)}` : '—'} | ${ms.toFixed(0)} ms |`
	);
}

console.log(
	`${log.length.toLocaleString('en')} reviews of ${new Set(log.map((r) => r.cardId)).size} cards; ` +
		`later half from ${new Date(splitAt).toISOString()}: ${laterHalf.length} predicted reviews (${TIME_ZONE}, day from ${ROLLOVER_HOUR}:00).\n`
);
console.log(
	"| reviews fitted | decision | optimiser's own held-out log loss: current / fitted (items) | later half log loss: constant | defaults: log loss / RMSE(bins) | replaced | in force after | the fit, had it been adopted | time |"
);
console.log('|---|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(r);
