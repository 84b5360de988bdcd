import { getDb } from '$lib/server/db/app-db.ts';
import { requireTeacher } from '$lib/server/guards.ts';
import { orHttpError } from '$lib/server/errors.ts';
import { getSetItems, getTeacherSet } from '$lib/server/teaching/sets.ts';
import { QUESTION_TYPE_LABELS } from '$lib/quiz/labels.ts';
import { presentQuestion } from '$lib/quiz/present.ts';
import type { PageServerLoad } from './$types';

// The set as a student meets it: presented questions only, so no key reaches this page either.
export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const db = getDb();
	const set = await orHttpError(() => getTeacherSet(db, teacher.id, event.params.id));
	const items = await getSetItems(db, set.id);
	return {
		set: { id: set.id, name: set.name },
		questions: items.map((i) => ({
			position: i.position,
			typeLabel: QUESTION_TYPE_LABELS[i.body.type],
			question: presentQuestion(i.body, `${set.id}:${i.position}`)
		}))
	};
};
