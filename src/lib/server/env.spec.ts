import { availableParallelism } from 'node:os';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATABASE_POOL_MAX, readEnv } from './env.ts';

describe('readEnv: DATABASE_POOL_MAX', () => {
	it('defaults to one connection per core, at least two', () => {
		expect(readEnv({}).databasePoolMax).toBe(Math.max(2, availableParallelism()));
		expect(DEFAULT_DATABASE_POOL_MAX).toBe(Math.max(2, availableParallelism()));
	});
	it('takes a whole number', () => {
		expect(readEnv({ DATABASE_POOL_MAX: '6' }).databasePoolMax).toBe(6);
		expect(readEnv({ DATABASE_POOL_MAX: ' ' }).databasePoolMax).toBe(
			Math.max(2, availableParallelism())
		);
	});
	it('refuses anything else, naming the setting and the value', () => {
		for (const bad of ['0', '-3', '2.5', 'ten'])
			expect(() => readEnv({ DATABASE_POOL_MAX: bad })).toThrow(
				`DATABASE_POOL_MAX must be a whole number of at least 1 (it is "${bad}")`
			);
	});
});
