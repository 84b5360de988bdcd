import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db/app-db.ts';
import { requireTeacher } from '$lib/server/guards.ts';
import { orHttpError } from '$lib/server/errors.ts';
import { createClass, listTeacherClasses } from '$lib/server/teaching/classes.ts';
import { createSet, listSets } from '$lib/server/teaching/sets.ts';
import { parseForm, readValues } from '$lib/server/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

const NameForm = z.object({
	name: z.string().trim().min(1, 'Give it a name.').max(100, 'At most 100 characters.')
});

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const db = getDb();
	const [classes, sets] = await Promise.all([
		listTeacherClasses(db, teacher.id),
		listSets(db, teacher.id)
	]);
	return {
		classes: classes.map((c) => ({
			id: c.id,
			name: c.name,
			joinCode: c.joinCode,
			archived: c.archivedAt !== null,
			students: c.students
		})),
		sets: sets.map((s) => ({ id: s.id, name: s.name, size: s.size, updatedAt: s.updatedAt }))
	};
};

export const actions: Actions = {
	createClass: async (event) => {
		const teacher = requireTeacher(event, true);
		const values = await readValues(event.request);
		const { data, failure } = parseForm('createClass', NameForm, values);
		if (failure) return failure;
		const { id } = await orHttpError(() => createClass(getDb(), teacher.id, data.name));
		redirect(303, `/teach/classes/${id}`);
	},
	createSet: async (event) => {
		const teacher = requireTeacher(event, true);
		const values = await readValues(event.request);
		const { data, failure } = parseForm('createSet', NameForm, values);
		if (failure) return failure;
		const { id } = await orHttpError(() => createSet(getDb(), teacher.id, data.name));
		redirect(303, `/teach/sets/${id}`);
	}
};
