import type { RequestEvent } from '@sveltejs/kit';

export const SESSION_COOKIE = 'session';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * Secure everywhere except plain http on this machine (development, the e2e and bench servers on
 * 127.0.0.1), where a Secure cookie would not come back from every client. SvelteKit's own default
 * spares only http://localhost. Behind a TLS proxy the app may see http with the public host name:
 * that still gets Secure, since the browser talks https.
 */
export function sessionCookieOptions(url: URL, expiresAt?: Date) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax' as const,
		secure: !(url.protocol === 'http:' && LOOPBACK.has(url.hostname)),
		...(expiresAt ? { expires: expiresAt } : {})
	};
}

export function setSessionCookie(
	event: Pick<RequestEvent, 'cookies' | 'url'>,
	token: string,
	expiresAt: Date
) {
	event.cookies.set(SESSION_COOKIE, token, sessionCookieOptions(event.url, expiresAt));
}

export function clearSessionCookie(event: Pick<RequestEvent, 'cookies' | 'url'>) {
	event.cookies.delete(SESSION_COOKIE, sessionCookieOptions(event.url));
}

/** The known-device cookie (auth.ts signIn): a random token, kept a year, renewed at each sign-in. */
export const DEVICE_COOKIE = 'device';
const DEVICE_LIFETIME_MS = 365 * 24 * 60 * 60 * 1000;

export function setDeviceCookie(event: Pick<RequestEvent, 'cookies' | 'url'>, token: string) {
	event.cookies.set(
		DEVICE_COOKIE,
		token,
		sessionCookieOptions(event.url, new Date(Date.now() + DEVICE_LIFETIME_MS))
	);
}
