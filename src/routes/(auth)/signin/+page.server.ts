import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { PASSWORD_MAX, SIGN_IN_FAILED, signIn } from '$lib/server/auth.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { parseForm, readValues, refused } from '$lib/server/form-actions.ts';
import { RateLimitedError, rateLimitedFailure } from '$lib/server/rate-limit.ts';
import { safeNext } from '$lib/server/safe-next.ts';
import { DEVICE_COOKIE, setDeviceCookie, setSessionCookie } from '$lib/server/session-cookie.ts';
import type { Actions, PageServerLoad } from './$types';

const SignIn = z.object({
	email: z.string().trim().min(1, 'Enter your email.').max(254, 'That email is too long.'),
	// Up to 256 characters of up to two UTF-16 units each (emoji); the exact count is sign-up's business.
	password: z
		.string()
		.min(1, 'Enter your password.')
		.max(PASSWORD_MAX * 2, 'That password is too long.')
});

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next'), url));
};

export const actions: Actions = {
	default: async (event) => {
		const values = await readValues(event.request);
		// Never send a password back to refill the form.
		const refill = { email: values.email ?? '' };
		const { data, failure } = parseForm('default', SignIn, values, refill);
		if (failure) return failure;
		let result;
		try {
			// getClientAddress: the socket's address, or ADDRESS_HEADER's when adapter-node is told to trust a proxy.
			result = await signIn(getDb(), {
				...data,
				address: event.getClientAddress(),
				previousSessionId: event.locals.sessionId,
				deviceToken: event.cookies.get(DEVICE_COOKIE),
				userAgent: event.request.headers.get('user-agent')
			});
		} catch (e) {
			if (!(e instanceof RateLimitedError)) throw e;
			return rateLimitedFailure(event, e, 'default', refill);
		}
		if (!result) return refused('default', refill, SIGN_IN_FAILED);
		setSessionCookie(event, result.token, result.expiresAt);
		setDeviceCookie(event, result.deviceToken);
		redirect(303, safeNext(event.url.searchParams.get('next'), event.url));
	}
};
