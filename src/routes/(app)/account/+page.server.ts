import {
	AccountError,
	changePassword,
	endOtherSessions,
	listSessions
} from '$lib/server/account.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { invalid, readValues } from '$lib/server/form-actions.ts';
import { requireUserForAction, requireUserForPage } from '$lib/server/guards.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const user = requireUserForPage(event);
	const sessions = await listSessions(getDb(), user.id);
	return {
		email: user.email,
		sessions: sessions.map((s) => ({
			createdAt: s.createdAt,
			lastSeenAt: s.lastSeenAt,
			userAgent: s.userAgent,
			current: s.id === event.locals.sessionId
		}))
	};
};

export const actions: Actions = {
	password: async (event) => {
		const user = requireUserForAction(event);
		const values = await readValues(event.request);
		try {
			const { endedSessions } = await changePassword(getDb(), {
				userId: user.id,
				sessionId: event.locals.sessionId!,
				currentPassword: values.currentPassword ?? '',
				newPassword: values.newPassword ?? ''
			});
			return {
				action: 'password' as const,
				done: `Your password is changed. ${endedSessions === 1 ? 'One other session was' : `${endedSessions} other sessions were`} signed out.`
			};
		} catch (e) {
			if (!(e instanceof AccountError)) throw e;
			return invalid('password', {}, { [e.field]: e.message });
		}
	},
	endOthers: async (event) => {
		const user = requireUserForAction(event);
		const ended = await endOtherSessions(getDb(), user.id, event.locals.sessionId!);
		return {
			action: 'endOthers' as const,
			done:
				ended === 1
					? 'One other session was signed out.'
					: `${ended} other sessions were signed out.`
		};
	}
};
