import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import type { SessionUser } from './auth.ts';

/** For page loads: the signed-in user, or a redirect to sign in and back. */
export function requireUserForPage(event: Pick<RequestEvent, 'locals' | 'url'>): SessionUser {
	const user = event.locals.user;
	if (!user)
		redirect(303, `/signin?next=${encodeURIComponent(event.url.pathname + event.url.search)}`);
	return user;
}

/** For form actions and endpoints, which layout loads do not guard: 401 without a session. */
export function requireUserForAction(event: Pick<RequestEvent, 'locals'>): SessionUser {
	const user = event.locals.user;
	if (!user) error(401, 'Sign in first.');
	return user;
}

/** For teacher pages and actions: a signed-in teacher, or 403 for anyone else signed in. */
export function requireTeacher(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	forAction = false
): SessionUser {
	const user = forAction ? requireUserForAction(event) : requireUserForPage(event);
	if (user.role !== 'teacher') error(403, 'This page is for teachers.');
	return user;
}

/** For the administrator's pages and actions: a signed-in administrator, or 403 for anyone else signed in. */
export function requireAdmin(
	event: Pick<RequestEvent, 'locals' | 'url'>,
	forAction = false
): SessionUser {
	const user = forAction ? requireUserForAction(event) : requireUserForPage(event);
	if (!user.isAdmin) error(403, 'This page is for administrators.');
	return user;
}
