import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db/app-db.ts';
import { parseForm, readValues, refused, tryService } from '$lib/server/form-actions.ts';
import { requireTeacher } from '$lib/server/guards.ts';
import { createLiveSession, listTeacherLiveSessions } from '$lib/server/live/sessions.ts';
import { listSets } from '$lib/server/teaching/sets.ts';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const [sessions, sets] = await Promise.all([
		listTeacherLiveSessions(getDb(), teacher.id),
		listSets(getDb(), teacher.id)
	]);
	return { sessions, sets: sets.map((s) => ({ id: s.id, name: s.name })) };
};

const Create = z
	.object({
		setId: z.string().max(100).optional(),
		assignmentId: z.string().max(100).optional(),
		secondsPerQuestion: z.coerce
			.number({ message: 'Enter a number of seconds.' })
			.int('Enter a whole number of seconds.')
			.min(5, 'Give at least 5 seconds.')
			.max(600, 'Give at most 600 seconds.'),
		speedBonus: z.literal('on').optional(),
		guestsAllowed: z.literal('on').optional()
	})
	.refine((v) => v.setId || v.assignmentId, { message: 'Choose a set.', path: ['setId'] });

export const actions: Actions = {
	create: async (event) => {
		const teacher = requireTeacher(event, true);
		const values = await readValues(event.request);
		const { data, failure } = parseForm('create', Create, values);
		if (failure) return failure;
		const created = await tryService(() =>
			createLiveSession(
				getDb(),
				teacher.id,
				data.assignmentId ? { assignmentId: data.assignmentId } : { setId: data.setId! },
				{
					secondsPerQuestion: data.secondsPerQuestion,
					speedBonus: data.speedBonus === 'on',
					guestsAllowed: data.guestsAllowed === 'on'
				}
			)
		);
		if (!created.ok) return refused('create', values, created.message);
		redirect(303, `/teach/live/${created.value.id}`);
	}
};
