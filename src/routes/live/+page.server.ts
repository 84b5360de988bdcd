import { redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db/app-db.ts';
import { RequestError } from '$lib/server/errors.ts';
import { invalid, readValues } from '$lib/server/form-actions.ts';
import { setGuestCookie } from '$lib/server/live/identity.ts';
import { joinLiveSession } from '$lib/server/live/sessions.ts';
import { RateLimitedError, rateLimitedFailure } from '$lib/server/rate-limit.ts';
import type { Actions, PageServerLoad } from './$types';

// Open to everyone: a signed-in student joins as themselves, anyone else as a guest with a nickname
// (when the teacher allows guests). A join link (/live?code=…) fills the code in.
export const load: PageServerLoad = async ({ url, locals }) => ({
	code: (url.searchParams.get('code') ?? '').replace(/\D/g, '').slice(0, 6),
	signedInAs: locals.user?.displayName ?? null
});

export const actions: Actions = {
	default: async (event) => {
		const values = await readValues(event.request);
		const code = (values.code ?? '').slice(0, 20);
		const nickname = (values.nickname ?? '').slice(0, 60);
		if (!code.trim())
			return invalid('default', { code, nickname }, { code: 'Enter the code on the board.' });
		const user = event.locals.user;
		if (!user && !nickname.trim())
			return invalid(
				'default',
				{ code, nickname },
				{ nickname: 'Choose a nickname the class will see (or sign in first).' }
			);
		let joined;
		try {
			joined = await joinLiveSession(
				getDb(),
				code,
				user
					? { kind: 'user', userId: user.id, displayName: user.displayName }
					: { kind: 'guest', nickname },
				event.getClientAddress()
			);
		} catch (e) {
			if (e instanceof RequestError) {
				const field = e.status === 400 ? 'nickname' : 'code';
				return invalid(
					'default',
					{ code: field === 'code' ? '' : code, nickname },
					{ [field]: e.message },
					e.status
				);
			}
			if (e instanceof RateLimitedError)
				return rateLimitedFailure(event, e, 'default', { code: '', nickname });
			throw e;
		}
		if (joined.token) setGuestCookie(event, joined.token);
		redirect(303, `/live/${joined.sessionId}`);
	}
};
