import { redirect } from '@sveltejs/kit';
import QRCode from 'qrcode';
import type { LiveAction } from '$lib/live/rules.ts';
import { getDb } from '$lib/server/db/app-db.ts';
import { orHttpError, RequestError } from '$lib/server/errors.ts';
import { readValues, refused } from '$lib/server/form-actions.ts';
import { requireTeacher } from '$lib/server/guards.ts';
import {
	applyTeacherAction,
	getTeacherLiveSession,
	getTeacherView,
	LIVE_EXTEND_SECONDS,
	removePlayer
} from '$lib/server/live/sessions.ts';
import type { Actions, PageServerLoad } from './$types';

// The projector: the teacher's own view of the session, read from the database on every load.
export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const view = await orHttpError(() => getTeacherView(getDb(), teacher.id, event.params.id));
	const joinUrl = `${event.url.origin}/live?code=${view.session.joinCode}`;
	return {
		...view,
		joinUrl,
		// An image (a data: URL), so the lobby shows it without JavaScript; SVG, sharp at any projector size
		// and far cheaper to make than a PNG (the lobby reloads as each student joins).
		qr:
			view.session.state === 'lobby' && view.codeOpen
				? `data:image/svg+xml;charset=utf-8,${encodeURIComponent(
						await QRCode.toString(joinUrl, { type: 'svg', margin: 1 })
					)}`
				: null,
		extendSeconds: LIVE_EXTEND_SECONDS
	};
};

const ACTIONS = ['start', 'reveal', 'next', 'skip', 'pause', 'resume', 'extend', 'end'] as const;

export const actions: Actions = {
	control: async (event) => {
		const teacher = requireTeacher(event, true);
		// Someone else's session is a 404 whatever the form holds.
		await orHttpError(() => getTeacherLiveSession(getDb(), teacher.id, event.params.id));
		const values = await readValues(event.request);
		const kind = ACTIONS.find((a) => a === values.do);
		if (!kind) return refused('control', {}, 'Choose what to do.');
		const action: LiveAction =
			kind === 'extend' ? { kind, seconds: LIVE_EXTEND_SECONDS } : { kind };
		try {
			await applyTeacherAction(getDb(), teacher.id, event.params.id, action);
		} catch (e) {
			if (e instanceof RequestError && e.status === 409)
				return refused('control', {}, e.message, 409);
			throw e;
		}
		redirect(303, `/teach/live/${event.params.id}`);
	},
	remove: async (event) => {
		const teacher = requireTeacher(event, true);
		const values = await readValues(event.request);
		await orHttpError(() =>
			removePlayer(getDb(), teacher.id, event.params.id, values.playerId ?? '')
		);
		redirect(303, `/teach/live/${event.params.id}`);
	}
};
