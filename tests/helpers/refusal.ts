// What a refused call threw: the tests check its status and message.
import { expect } from 'vitest';
import { RequestError } from '../../src/lib/server/errors.ts';

/** Awaits `work`, which must fail with a RequestError, and returns that error. */
export async function refusal(work: Promise<unknown>) {
	const e = await work.then(
		() => null,
		(err: unknown) => err
	);
	expect(e).toBeInstanceOf(RequestError);
	return e as RequestError;
}
