// Transactions that Postgres may abort for reasons of its own (a deadlock between two requests, a
// serialisation failure) are run again, a bounded number of times, instead of ending in a 500.
// Only the whole transaction is retried, and only for these codes: a rolled-back transaction changed
// nothing, so running its callback again is safe as long as the callback keeps no state outside it.
import type { Db } from './index.ts';

/** serialization_failure and deadlock_detected: the transaction was rolled back and may simply be run again. */
const RETRYABLE = new Set(['40001', '40P01']);

export const MAX_TRANSACTION_TRIES = 3;

export function isRetryableTransactionError(e: unknown): boolean {
	const err = e as { code?: unknown; cause?: { code?: unknown } } | null;
	const code = err?.code ?? err?.cause?.code;
	return typeof code === 'string' && RETRYABLE.has(code);
}

/** `db.transaction(work)`, run again (up to MAX_TRANSACTION_TRIES in all) when Postgres aborts it with a retryable code. */
export async function transactionWithRetry<T>(
	db: Db,
	work: (tx: Db) => Promise<T>,
	tries = MAX_TRANSACTION_TRIES
): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await db.transaction((tx) => work(tx as unknown as Db));
		} catch (e) {
			if (attempt >= tries || !isRetryableTransactionError(e)) throw e;
			// A short random pause so the two transactions that collided do not collide again in step.
			await new Promise((resolve) => setTimeout(resolve, 5 + Math.random() * 20 * attempt));
		}
	}
}
