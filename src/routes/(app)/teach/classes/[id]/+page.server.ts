import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db/app-db.ts';
import { FEEDBACK_TIMINGS } from '$lib/server/db/schema.ts';
import { requireTeacher } from '$lib/server/guards.ts';
import { orHttpError } from '$lib/server/errors.ts';
import { createAssignment, listClassAssignments } from '$lib/server/teaching/assignments.ts';
import {
	getRoster,
	getTeacherClass,
	joinCodeExpiresAt,
	regenerateJoinCode,
	removeStudent,
	setClassArchived
} from '$lib/server/teaching/classes.ts';
import { listSets } from '$lib/server/teaching/sets.ts';
import { isValidTimeZone, zonedLocalToUtc } from '$lib/time/zones.ts';
import { invalid, parseForm, readValues, tryService } from '$lib/server/form-actions.ts';
import type { Actions, PageServerLoad } from './$types';

/** What a datetime-local input sends: 2026-03-08T14:30 (seconds optional). */
const LOCAL_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/;
/** A checkbox: present ("on") when ticked, absent otherwise. */
const checkbox = z
	.literal('on', 'Tick the box or leave it empty.')
	.optional()
	.transform((v) => v === 'on');

const AssignmentForm = z
	.object({
		setId: z.string('Choose a question set.').min(1, 'Choose a question set.').max(100),
		title: z
			.string('Give the assignment a title.')
			.trim()
			.min(1, 'Give the assignment a title.')
			.max(120, 'At most 120 characters.'),
		timeZone: z.string().trim().default('UTC').refine(isValidTimeZone, 'Unknown time zone.'),
		opensAt: z
			.string()
			.trim()
			.default('')
			.refine(
				(v) => v === '' || LOCAL_DATE_TIME.test(v),
				'Give a date and time, or leave it empty to open now.'
			),
		dueAt: z
			.string('Give the due date and time.')
			.trim()
			.regex(LOCAL_DATE_TIME, 'Give the due date and time.'),
		attemptsAllowed: z.coerce
			.number('Give a number of attempts from 1 to 10.')
			.int('Give a whole number of attempts.')
			.min(1, 'At least 1 attempt.')
			.max(10, 'At most 10 attempts.'),
		timeLimitMinutes: z.preprocess(
			(v) => (v === undefined || (typeof v === 'string' && v.trim() === '') ? null : v),
			z.coerce
				.number('Give the minutes as a whole number, or leave it empty.')
				.int('Give the minutes as a whole number, or leave it empty.')
				.min(1, 'At least 1 minute (or leave it empty for no limit).')
				.max(600, 'At most 600 minutes.')
				.nullable()
		),
		shuffleQuestions: checkbox,
		shuffleOptions: checkbox,
		feedback: z.enum(FEEDBACK_TIMINGS, 'Choose when students see their feedback.'),
		lateWork: z.enum(['refuse', 'mark_late'], 'Choose what happens after the due time.')
	})
	.transform((v, ctx) => {
		const opensAt = v.opensAt ? zonedLocalToUtc(v.opensAt, v.timeZone) : new Date();
		const dueAt = zonedLocalToUtc(v.dueAt, v.timeZone);
		if (!opensAt)
			ctx.issues.push({
				code: 'custom',
				path: ['opensAt'],
				message: 'This date does not exist.',
				input: v.opensAt
			});
		if (!dueAt)
			ctx.issues.push({
				code: 'custom',
				path: ['dueAt'],
				message: 'This date does not exist.',
				input: v.dueAt
			});
		if (!opensAt || !dueAt) return z.NEVER;
		if (dueAt <= opensAt) {
			const message = v.opensAt
				? 'The due time must come after the opening time.'
				: 'The due time must be in the future: the assignment opens now.';
			ctx.issues.push({ code: 'custom', path: ['dueAt'], message, input: v.dueAt });
			return z.NEVER;
		}
		return { ...v, opensAt, dueAt };
	});

export const load: PageServerLoad = async (event) => {
	const teacher = requireTeacher(event);
	const db = getDb();
	const classId = event.params.id;
	const klass = await orHttpError(() => getTeacherClass(db, teacher.id, classId));
	const [roster, assignments, sets] = await Promise.all([
		getRoster(db, teacher.id, classId),
		listClassAssignments(db, teacher.id, classId),
		listSets(db, teacher.id)
	]);
	return {
		klass: {
			id: klass.id,
			name: klass.name,
			joinCode: klass.joinCode,
			joinCodeExpiresAt: joinCodeExpiresAt(klass.joinCodeIssuedAt),
			archived: klass.archivedAt !== null
		},
		joinLink: `${event.url.origin}/classes/join?code=${encodeURIComponent(klass.joinCode)}`,
		roster,
		assignments,
		sets: sets.map((s) => ({ id: s.id, name: s.name, size: s.size }))
	};
};

export const actions: Actions = {
	newCode: async (event) => {
		const teacher = requireTeacher(event, true);
		await orHttpError(() => regenerateJoinCode(getDb(), teacher.id, event.params.id));
		redirect(303, `/teach/classes/${event.params.id}#join`);
	},
	archive: async (event) => {
		const teacher = requireTeacher(event, true);
		const values = await readValues(event.request);
		const { data, failure } = parseForm(
			'archive',
			z.object({ archived: z.enum(['yes', 'no'], 'Say whether to archive.') }),
			values
		);
		if (failure) return failure;
		await orHttpError(() =>
			setClassArchived(getDb(), teacher.id, event.params.id, data.archived === 'yes')
		);
		redirect(303, `/teach/classes/${event.params.id}`);
	},
	removeStudent: async (event) => {
		const teacher = requireTeacher(event, true);
		const values = await readValues(event.request);
		const { data, failure } = parseForm(
			'removeStudent',
			z.object({
				studentId: z.string('Which student?').min(1, 'Which student?').max(100),
				confirm: z.literal('yes', 'Tick the box to confirm.')
			}),
			values
		);
		if (failure) return failure;
		await orHttpError(() => removeStudent(getDb(), teacher.id, event.params.id, data.studentId));
		redirect(303, `/teach/classes/${event.params.id}#students`);
	},
	assign: async (event) => {
		const teacher = requireTeacher(event, true);
		const values = await readValues(event.request);
		const { data, failure } = parseForm('assign', AssignmentForm, values);
		if (failure) return failure;
		const created = await tryService(() =>
			createAssignment(getDb(), teacher.id, { classId: event.params.id, ...data })
		);
		if (!created.ok) return invalid('assign', values, { form: created.message });
		redirect(303, `/teach/classes/${event.params.id}#assignments`);
	}
};
