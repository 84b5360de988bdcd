// The `postgres` driver's connection queue, as patched at install (patches/postgres+3.4.9.patch, see
// driver-fixes.ts): unpatched, its array grows by one slot per query while every connection is busy and
// each move between queues scans it. The reproduction stays: the day a release passes it, drop the patch.
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findMissingDriverFixes, installedDriverDir } from './driver-fixes.ts';

const driver = installedDriverDir();
type Queue<T> = {
	readonly length: number;
	push(x: T): T;
	shift(): T | undefined;
	remove(x: T): T | null;
};
const Queue = createRequire(import.meta.url)(path.join(driver, 'cjs/src/queue.js')) as <T>(
	initial?: T[]
) => Queue<T>;

describe("the postgres driver's connection queue", () => {
	it('is patched in every build of the driver (ESM, CommonJS, Workers), as is the crash fix', () => {
		expect(findMissingDriverFixes(driver)).toEqual([]);
	});

	it('keeps its order and its length through a long run with every connection busy', () => {
		// What the pool does per query while all connections are busy: take the first, look for it in
		// the queue it came from (not there any more), put it at the back.
		const connections = ['a', 'b', 'c'];
		const busy = Queue(connections);
		const order: string[] = [];
		for (let query = 0; query < 200_000; query++) {
			const c = busy.shift()!;
			expect(busy.remove(c)).toBeNull();
			busy.push(c);
			if (query < 6) order.push(c);
			if (busy.length !== 3) throw new Error(`length ${busy.length} after query ${query}`);
		}
		expect(order).toEqual(['a', 'b', 'c', 'a', 'b', 'c']);
		// 200,000 turns of three: the rotation has moved on by 200,000 mod 3 = 2.
		expect([busy.shift(), busy.shift(), busy.shift()]).toEqual(['c', 'a', 'b']);
		expect(busy.length).toBe(0);
	});

	it('removes a queued item from the middle and the end, before and after it compacts', () => {
		const q = Queue<number>();
		for (let i = 0; i < 1000; i++) q.push(i);
		for (let i = 0; i < 600; i++) expect(q.shift()).toBe(i);
		expect(q.remove(5)).toBeNull(); // taken already
		expect(q.remove(700)).toBe(700);
		expect(q.remove(999)).toBe(999);
		expect(q.length).toBe(398);
		const rest: number[] = [];
		while (q.length) rest.push(q.shift()!);
		expect(rest).toEqual(
			Array.from({ length: 400 }, (_, i) => 600 + i).filter((n) => n !== 700 && n !== 999)
		);
		expect(q.shift()).toBeUndefined();
		expect(q.length).toBe(0);
		q.push(1);
		expect(q.shift()).toBe(1);
	});
});
