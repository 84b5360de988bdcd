// The cost of the query layer, in-process, no HTTP: the quiz page's SQL (as traced) through the raw
// `postgres` driver, prepared and unnamed, beside the app's own service call through Drizzle. This is
// the "query builder costs ≤ 10% over the raw driver".
//
// Unnamed statements matter with postgres.js: a query with parameters that is not prepared is sent as
// Parse+Describe first, and Bind+Execute only once the parameter types come back, so it costs two round
// trips and a fresh plan every time. Drizzle sends every query unnamed unless it is built with .prepare().
import postgres from 'postgres';
import type { TracedStatement } from './pgbench.ts';
import { postgresTarget } from '../../src/lib/server/db/url.ts';

export type LoopResult = { opsPerSecond: number; p50: number; p99: number; operations: number };

/** Runs `op` from `concurrency` loops for `seconds` (after `warmup` operations) and times each. */
export async function loop(
	op: (i: number) => Promise<unknown>,
	opts: { concurrency: number; seconds: number; warmup: number }
): Promise<LoopResult> {
	let i = 0;
	for (let w = 0; w < opts.warmup; w++) await op(i++);
	const latencies: number[] = [];
	const start = performance.now();
	const end = start + opts.seconds * 1000;
	await Promise.all(
		Array.from({ length: opts.concurrency }, async () => {
			while (performance.now() < end) {
				const t = performance.now();
				await op(i++);
				latencies.push(performance.now() - t);
			}
		})
	);
	const elapsed = (performance.now() - start) / 1000;
	latencies.sort((a, b) => a - b);
	const at = (p: number) =>
		latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] ?? NaN;
	return {
		opsPerSecond: latencies.length / elapsed,
		p50: at(50),
		p99: at(99),
		operations: latencies.length
	};
}

/**
 * Replays traced statements (one request's worth, in order, one after another as the service awaits
 * them) through the raw driver. `substitute(i)` maps the traced request's own ids to those of operation i.
 */
export async function rawReplay(
	url: string,
	statements: TracedStatement[],
	substitute: (i: number) => Map<string, string>,
	opts: { prepare: boolean; poolMax: number; concurrency: number; seconds: number; warmup: number }
): Promise<LoopResult> {
	const target = postgresTarget(url);
	const sql = postgres(target.url, {
		max: opts.poolMax,
		onnotice: () => {},
		...(target.path ? { path: target.path } : {})
	});
	try {
		return await loop(replayOp(sql, statements, substitute, opts.prepare), opts);
	} finally {
		await sql.end({ timeout: 2 });
	}
}

/** One request's statements, in order, through `sql`: operation i with the ids of `substitute(i)`. */
export function replayOp(
	sql: postgres.Sql,
	statements: TracedStatement[],
	substitute: (i: number) => Map<string, string>,
	prepare: boolean
) {
	return async (i: number) => {
		const map = substitute(i);
		for (const s of statements) {
			await sql.unsafe(
				s.sql,
				s.params.map((p) => (p === null ? null : (map.get(p) ?? p))),
				{ prepare }
			);
		}
	};
}
