// Requests a test sends side by side: the server and the test wait on each other less, and a few at a
// time is also what a school's browsers do to one server.

/** Calls `fn` on every item, at most `limit` at a time; the results in the items' order. */
export async function mapConcurrently<T, R>(
	items: readonly T[],
	limit: number,
	fn: (item: T, index: number) => Promise<R>
): Promise<R[]> {
	const results = new Array<R>(items.length);
	let next = 0;
	const lane = async () => {
		while (next < items.length) {
			const i = next++;
			results[i] = await fn(items[i], i);
		}
	};
	await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
	return results;
}

/**
 * Reads side by side with writes: the writes one after another in their order (each may change what the
 * next one meets), the reads `readLanes` at a time beside them.
 */
export async function readsBesideWrites<T>(
	writes: readonly T[],
	reads: readonly T[],
	readLanes: number,
	fn: (item: T) => Promise<void>
): Promise<void> {
	await Promise.all([mapConcurrently(writes, 1, fn), mapConcurrently(reads, readLanes, fn)]);
}
