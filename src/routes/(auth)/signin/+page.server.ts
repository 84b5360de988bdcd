import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { PASSWORD_MAX, SIGN_IN_FAILED, signIn } from '$lib/server/auth.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { fieldErrors, firstValues, readFormFields } from '$lib/server/form-fields.ts';
import { RateLimitedError } from '$lib/server/rate-limit.ts';
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
		const values = firstValues(readFormFields(await event.request.formData()));
		const parsed = SignIn.safeParse(values);
		if (!parsed.success)
			return fail(400, { email: values.email ?? '', errors: fieldErrors(parsed.error) });
		let result;
		try {
			// getClientAddress: the socket's address, or ADDRESS_HEADER's when adapter-node is told to trust a proxy.
			result = await signIn(getDb(), {
				...parsed.data,
				address: event.getClientAddress(),
				previousSessionId: event.locals.sessionId,
				deviceToken: event.cookies.get(DEVICE_COOKIE),
				userAgent: event.request.headers.get('user-agent')
			});
		} catch (e) {
			if (!(e instanceof RateLimitedError)) throw e;
			event.setHeaders({ 'retry-after': String(e.retryAfter) });
			return fail(429, {
				email: parsed.data.email,
				errors: { form: e.message } as Record<string, string>
			});
		}
		if (!result)
			return fail(400, {
				email: parsed.data.email,
				errors: { form: SIGN_IN_FAILED } as Record<string, string>
			});
		setSessionCookie(event, result.token, result.expiresAt);
		setDeviceCookie(event, result.deviceToken);
		redirect(303, safeNext(event.url.searchParams.get('next'), event.url));
	}
};
