// Who a live request comes from: the signed-in user, and a guest's player token (an httpOnly cookie only
// the /live pages receive). Either may be absent; sessions.ts matches them against the session's players.
import type { RequestEvent } from '@sveltejs/kit';
import { sessionCookieOptions } from '../session-cookie.ts';
import type { PlayerIdentity } from './sessions.ts';

export const LIVE_GUEST_COOKIE = 'live_guest';
/** A guest's cookie outlives a lesson, not a day. */
const GUEST_COOKIE_LIFETIME_MS = 12 * 60 * 60 * 1000;

export function playerIdentity(event: Pick<RequestEvent, 'locals' | 'cookies'>): PlayerIdentity {
	return {
		userId: event.locals.user?.id ?? null,
		token: event.cookies.get(LIVE_GUEST_COOKIE) ?? null
	};
}

export function setGuestCookie(event: Pick<RequestEvent, 'cookies' | 'url'>, token: string) {
	event.cookies.set(LIVE_GUEST_COOKIE, token, {
		...sessionCookieOptions(event.url, new Date(Date.now() + GUEST_COOKIE_LIFETIME_MS)),
		path: '/live'
	});
}
