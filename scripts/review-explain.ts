// npm run review:explain [-- --cards 1000000 --logs 10000000]
//
// Seeds a throwaway Postgres (or DATABASE_URL) with many learners' review cards and a large review log,
// then prints EXPLAIN (ANALYZE, BUFFERS) of the two hot review statements, with the exact SQL the app
// runs: the due-cards query and the review write (lock the card, update it, append the log row).
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { loadBankFromDir } from '../src/lib/bank/load-from-disk.ts';
import { syncBank } from '../src/lib/server/bank-sync.ts';
import { openDatabase } from '../src/lib/server/db/index.ts';
import { dueCardsQuery } from '../src/lib/server/review/cards.ts';

const arg = (name: string, fallback: number) => {
	const i = process.argv.indexOf(`--${name}`);
	return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CARDS = arg('cards', 1_000_000);
const LOGS = arg('logs', 10_000_000);

const root = path.resolve(import.meta.dirname, '..');
let url = process.env.DATABASE_URL;
let throwaway: string | null = null;
if (!url) {
	const out = execFileSync('bash', [path.join(root, 'scripts/pg-throwaway.sh'), 'start'], {
		encoding: 'utf8'
	});
	throwaway = /PG_THROWAWAY_DIR=(\S+)/.exec(out)![1];
	url = /TEST_DATABASE_URL=(\S+)/.exec(out)![1];
}

const database = openDatabase({ url });
const { db } = database;
const timed = async <T>(label: string, work: () => Promise<T>) => {
	const t = performance.now();
	const result = await work();
	console.log(`${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
	return result;
};

try {
	await database.migrate(path.join(root, 'drizzle'));
	const { bank } = loadBankFromDir(path.join(root, 'questions'));
	await syncBank(db, bank!);
	// One card per fact a question asks about.
	const questions = new Set(bank!.questions.map((q) => q.facts[0])).size;
	const users = Math.ceil(CARDS / questions);
	console.log(
		`seeding ${users} learners × ${questions} facts = ${users * questions} cards, ${LOGS} log rows`
	);

	await timed('users', () =>
		db.execute(sql`insert into "user" (id, email, display_name, password_hash)
			select 'u' || g, 'u' || g || '@seed.example', 'Learner ' || g, 'x' from generate_series(1, ${users}) g on conflict do nothing`)
	);
	await timed('cards', () =>
		db.execute(sql`insert into review_card (user_id, fact_id, due, stability, difficulty, elapsed_days, scheduled_days,
				learning_steps, reps, lapses, state, last_review, first_session_review_at)
			select 'u' || u, q.fact_id, now() + (random() * 60 - 20) * interval '1 day', 5 + random() * 50, 1 + random() * 9,
				3, 10, 0, 5, 1, 'review', now() - interval '3 days', now() - interval '10 days'
			from generate_series(1, ${users}) u cross join (select distinct fact_ids[1] as fact_id from question_version) q on conflict do nothing`)
	);
	const [{ maxCard }] = (await db.execute(
		sql`select max(id)::int as "maxCard" from review_card`
	)) as unknown as { maxCard: number }[];
	const snap = sql`'{"due":"2026-01-01T00:00:00Z","stability":5,"difficulty":5,"elapsed_days":1,"scheduled_days":3,"learning_steps":0,"reps":3,"lapses":0,"state":"review","last_review":null}'::jsonb`;
	await timed('log', () =>
		db.execute(sql`insert into review_log (card_id, user_id, question_id, reviewed_at, rating, source, card_before, card_after)
			select c.id, c.user_id, (select question_id from question_version where fact_ids[1] = c.fact_id limit 1), now() - ((g % 300) || ' days')::interval,
				(array['again','hard','good','easy'])[1 + (g % 4)], 'review', ${snap}, ${snap}
			from generate_series(1, ${LOGS}) g join review_card c on c.id = 1 + (g % ${maxCard})`)
	);
	await timed('analyze', () => db.execute(sql`analyze`));

	const dueQuery = dueCardsQuery(
		db,
		{
			userId: 'u42',
			endOfDay: new Date(Date.now() + 86_400_000),
			learnAheadUntil: new Date(Date.now() + 1_200_000),
			startOfDay: new Date(Date.now() - 86_400_000),
			withheld: new Set()
		},
		120
	).toSQL();
	const explain = async (title: string, statement: string, params: unknown[]) => {
		const client = (
			database as unknown as {
				db: {
					$client: { unsafe: (q: string, p: unknown[]) => Promise<{ 'QUERY PLAN': string }[]> };
				};
			}
		).db.$client;
		const rows = await client.unsafe(`explain (analyze, buffers) ${statement}`, params as never[]);
		console.log(`\n== ${title}\n${statement}\n`);
		for (const r of rows) console.log(r['QUERY PLAN']);
	};
	await explain('due cards for one learner (the review queue)', dueQuery.sql, dueQuery.params);
	await explain(
		'review write: lock the card',
		`select * from review_card where user_id = $1 and fact_id = $2 for update`,
		['u42', bank!.questions[0].facts[0]]
	);
	await explain(
		'review write: append to the log',
		`insert into review_log (card_id, user_id, question_id, reviewed_at, rating, source, card_before, card_after)
		 select id, user_id, $3, now(), 'good', 'review', '{}'::jsonb, '{}'::jsonb from review_card where user_id = $1 and fact_id = $2`,
		['u42', bank!.questions[0].facts[0], bank!.questions[0].id]
	);
} finally {
	await database.close();
	if (throwaway)
		execFileSync('bash', [path.join(root, 'scripts/pg-throwaway.sh'), 'stop', throwaway]);
}
