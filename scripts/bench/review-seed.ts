// Review cards and review-log rows for the benchmark, generated inside Postgres with set-based
// multi-row inserts (INSERT … SELECT over generate_series): ten million log rows never cross the socket.
//
// Two steps, so one run measures the review queue at two sizes:
//   1. seedReviewLearners: the learners the load uses (students 0 … n−1), each with `cardsPerUser` cards,
//      half of them due, one log row per card (10,000 rows for 200 learners × 50 cards);
//   2. fillReviews: other learners' cards (all 143 questions each) and log rows until the tables hold
//      `cards` and `logs` rows in all — the size the queue is measured at again.
import type postgres from 'postgres';
import type { Ids } from './seed.ts';

// A plausible card snapshot for the log's before/after columns (the queue never reads them).
const SNAPSHOT = `'{"due":"2026-01-01T00:00:00Z","stability":5,"difficulty":5,"elapsed_days":1,"scheduled_days":3,"learning_steps":0,"reps":3,"lapses":0,"state":"review","last_review":null}'::jsonb`;

export async function seedReviewLearners(
	sql: postgres.Sql,
	ids: Ids,
	learners: number,
	cardsPerUser: number
) {
	const userId = `('${ids.userPrefix}' || lpad(u::text, 12, '0'))`;
	// Each learner gets a different slice of the bank; first_session_review_at is set so the daily cap on
	// new cards does not hide them; half are due (in the past), half later.
	const [{ cards }] = await sql.unsafe(`
		with f as (select distinct on (qv.fact_ids[1]) qv.fact_ids[1] as fact_id, q.id as question_id
			from question q join question_version qv on qv.id = q.current_version_id where q.active and q.owner_id is null
			order by qv.fact_ids[1], q.id),
		q as (select fact_id, question_id, row_number() over (order by fact_id) - 1 as i, count(*) over () as n from f),
		c as (
			insert into review_card (user_id, fact_id, due, stability, difficulty, elapsed_days, scheduled_days, learning_steps,
				reps, lapses, state, last_review, first_session_review_at)
			select ${userId}, q.fact_id,
				case when k % 2 = 0 then now() - (1 + k % 7) * interval '1 hour' else now() + (1 + k % 30) * interval '1 day' end,
				5 + k % 40, 1 + k % 9, 3, 10, 0, 3, 0, 'review', now() - interval '3 days', now() - interval '10 days'
			from generate_series(0, ${learners - 1}) u cross join generate_series(0, ${cardsPerUser - 1}) k
			join q on q.i = (u * 7 + k) % q.n
			on conflict do nothing
			returning id, user_id, fact_id
		),
		l as (
			insert into review_log (card_id, user_id, question_id, reviewed_at, rating, source, card_before, card_after)
			select c.id, c.user_id, q.question_id, now() - interval '3 days', 'good', 'review', ${SNAPSHOT}, ${SNAPSHOT}
			from c join q on q.fact_id = c.fact_id
			returning 1
		)
		select count(*)::int as cards from l`);
	await sql`analyze review_card`;
	await sql`analyze review_log`;
	return { cards, logs: cards };
}

/** Other learners' cards and log rows until the tables hold `cards` and `logs` rows; `progress` after each batch. */
export async function fillReviews(
	sql: postgres.Sql,
	ids: Ids,
	target: { cards: number; logs: number },
	progress: (what: string) => void
) {
	const [{ questions }] =
		await sql`select count(distinct qv.fact_ids[1])::int as questions from question q join question_version qv on qv.id = q.current_version_id where q.active and q.owner_id is null`;
	const [{ cards: haveCards, logs: haveLogs }] =
		await sql`select (select count(*) from review_card)::int as cards, (select count(*) from review_log)::int as logs`;
	const learners = Math.max(0, Math.ceil((target.cards - haveCards) / questions));
	const filler = (n: string) => `('${ids.tag}-f111-4000-8000-' || lpad(${n}::text, 12, '0'))`;
	const batch = 50_000;
	for (let from = 0; from < learners; from += batch) {
		const to = Math.min(learners, from + batch) - 1;
		await sql.unsafe(`insert into "user" (id, email, display_name, password_hash)
			select ${filler('g')}, 'filler-' || g || '-${ids.tag}@bench.test', 'Filler ' || g, 'x' from generate_series(${from}, ${to}) g`);
		await sql.unsafe(`insert into review_card (user_id, fact_id, due, stability, difficulty, elapsed_days, scheduled_days,
				learning_steps, reps, lapses, state, last_review, first_session_review_at)
			select ${filler('g')}, q.fact_id, now() + ((g + hashtext(q.fact_id)) % 60 - 20) * interval '1 day', 5 + g % 50, 1 + g % 9,
				3, 10, 0, 5, 1, 'review', now() - interval '3 days', now() - interval '10 days'
			from generate_series(${from}, ${to}) g cross join (select distinct qv.fact_ids[1] as fact_id from question q
				join question_version qv on qv.id = q.current_version_id where q.active and q.owner_id is null) q`);
		progress(
			`review cards: ${haveCards + Math.min(learners, to + 1) * questions} of ${target.cards}`
		);
	}
	const [{ lo, hi }] = await sql`select min(id)::int as lo, max(id)::int as hi from review_card`;
	const logBatch = 1_000_000;
	let logs = haveLogs;
	for (let round = 0; logs < target.logs && round < 100; round++) {
		const n = Math.min(logBatch, target.logs - logs);
		// A few more numbers than rows wanted: a number that lands on a gap in the card ids yields no row.
		// Spread over every card (ids may have gaps: a batch is topped up by the next), over the last 300 days.
		const [{ added }] =
			await sql.unsafe(`with l as (insert into review_log (card_id, user_id, question_id, reviewed_at, rating, source, card_before, card_after)
			select c.id, c.user_id, c.fact_id, now() - ((g % 300) || ' days')::interval - (g % 86400) * interval '1 second',
				(array['again','hard','good','easy'])[1 + (g % 4)::int], 'review', ${SNAPSHOT}, ${SNAPSHOT}
			from generate_series(${logs}::bigint, ${logs + Math.ceil(n * 1.05) + 10}::bigint) g join review_card c on c.id = ${lo} + (g * 7919) % ${hi - lo + 1}
			limit ${n}
			returning 1) select count(*)::int as added from l`);
		logs += added;
		if (added === 0) break;
		progress(`review log: ${logs} of ${target.logs} rows`);
	}
	await sql`analyze review_card`;
	await sql`analyze review_log`;
	await sql`analyze "user"`;
	const [counts] =
		await sql`select (select count(*) from review_card)::int as cards, (select count(*) from review_log)::int as logs`;
	return counts as { cards: number; logs: number };
}
