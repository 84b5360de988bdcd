// Progress figures from a learner's cards and log. Pure: the server loads rows, these shape them.
import { DAY_MS, learnerDayKey } from '../time/zones.ts';

/** The learner-day keys (days starting at `rolloverHour` local) from `from`'s day, `days` of them, in order (YYYY-MM-DD in the learner's zone). */
export function dayKeys(from: Date, days: number, timeZone: string, rolloverHour = 0): string[] {
	const keys: string[] = [];
	// Step by 25 h and dedupe, so days of 23 or 25 hours (DST) are neither skipped nor doubled.
	let t = from.getTime();
	while (keys.length < days) {
		const key = learnerDayKey(new Date(t), timeZone, rolloverHour);
		if (keys[keys.length - 1] !== key) keys.push(key);
		t += 20 * 60 * 60 * 1000;
	}
	return keys;
}

/** How many dates fall on each of the given learner days. */
export function countPerDay(
	dates: Date[],
	keys: string[],
	timeZone: string,
	rolloverHour = 0
): { day: string; count: number }[] {
	const counts = new Map(keys.map((k) => [k, 0]));
	for (const d of dates) {
		const key = learnerDayKey(d, timeZone, rolloverHour);
		if (counts.has(key)) counts.set(key, counts.get(key)! + 1);
	}
	return keys.map((day) => ({ day, count: counts.get(day)! }));
}

/**
 * Reviews due on each of the next `days` learner days; cards already overdue count on today.
 */
export function dueForecast(
	dues: Date[],
	now: Date,
	days: number,
	timeZone: string,
	rolloverHour = 0
) {
	const keys = dayKeys(now, days, timeZone, rolloverHour);
	const today = keys[0];
	return countPerDay(
		dues.map((d) => (learnerDayKey(d, timeZone, rolloverHour) < today ? now : d)),
		keys,
		timeZone,
		rolloverHour
	);
}

/**
 * True retention, as Anki's: the share of reviews of cards in the review state (not first learning steps)
 * that were due (due on or before the learner day of the review) and were recalled (not Again). Practice
 * and assignment answers on cards not yet due are early reviews: FSRS takes them into the memory state,
 * but they would flatter this figure (a card seen yesterday is easy today), so they do not count. Null
 * without such reviews. Without a time zone, days are UTC days from midnight.
 */
export function trueRetention(
	logs: { rating: string; stateBefore: string; dueBefore?: Date | string; reviewedAt?: Date }[],
	timeZone = 'UTC',
	rolloverHour = 0
): {
	retention: number | null;
	reviews: number;
} {
	const wasDue = (l: (typeof logs)[number]) =>
		l.dueBefore === undefined ||
		l.reviewedAt === undefined ||
		learnerDayKey(new Date(l.dueBefore), timeZone, rolloverHour) <=
			learnerDayKey(l.reviewedAt, timeZone, rolloverHour);
	const counted = logs.filter((l) => l.stateBefore === 'review' && wasDue(l));
	if (counted.length === 0) return { retention: null, reviews: 0 };
	return {
		retention: counted.filter((l) => l.rating !== 'again').length / counted.length,
		reviews: counted.length
	};
}

/**
 * Review-page reviews and quiz answers on each of the given learner days, apart: a quiz answer moves the
 * card too, but a learner reading "reviews per day" means the reviews they sat down to do.
 */
export function activityPerDay(
	logs: { reviewedAt: Date; source: string }[],
	keys: string[],
	timeZone: string,
	rolloverHour = 0
): { day: string; reviews: number; quiz: number }[] {
	const reviews = countPerDay(
		logs.filter((l) => l.source === 'review').map((l) => l.reviewedAt),
		keys,
		timeZone,
		rolloverHour
	);
	const quiz = countPerDay(
		logs.filter((l) => l.source !== 'review').map((l) => l.reviewedAt),
		keys,
		timeZone,
		rolloverHour
	);
	return keys.map((day, i) => ({ day, reviews: reviews[i].count, quiz: quiz[i].count }));
}

/**
 * True retention (as `trueRetention`) per learner week: `weeks` weeks of 7 learner days ending with the
 * week of `now`, oldest first, each named by its first day. A week without counted reviews has null.
 */
export function retentionPerWeek(
	logs: { rating: string; stateBefore: string; dueBefore: Date | string; reviewedAt: Date }[],
	now: Date,
	weeks: number,
	timeZone: string,
	rolloverHour = 0
): { week: string; retention: number | null; reviews: number }[] {
	const days = dayKeys(
		new Date(now.getTime() - (weeks * 7 - 1) * DAY_MS),
		weeks * 7,
		timeZone,
		rolloverHour
	);
	const weekOf = new Map(days.map((d, i) => [d, Math.floor(i / 7)]));
	const byWeek = Array.from({ length: weeks }, () => [] as typeof logs);
	for (const l of logs) {
		const w = weekOf.get(learnerDayKey(l.reviewedAt, timeZone, rolloverHour));
		if (w !== undefined) byWeek[w].push(l);
	}
	return byWeek.map((ls, w) => ({
		week: days[w * 7],
		...trueRetention(ls, timeZone, rolloverHour)
	}));
}

/** A card counts as known once it is in the review state and not lapsed today (the learner recalled it). */
export function masteryBy<K extends string>(
	questions: { id: string; groups: K[] }[],
	cards: Map<string, { state: string; retrievability: number }>,
	target: number
) {
	const totals = new Map<K, { questions: number; seen: number; known: number }>();
	for (const q of questions) {
		const card = cards.get(q.id);
		for (const g of q.groups) {
			const t = totals.get(g) ?? { questions: 0, seen: 0, known: 0 };
			t.questions++;
			if (card) t.seen++;
			if (card && card.state === 'review' && card.retrievability >= target) t.known++;
			totals.set(g, t);
		}
	}
	return [...totals].map(([group, t]) => ({
		group,
		...t,
		percent: t.questions ? Math.round((100 * t.known) / t.questions) : 0
	}));
}
