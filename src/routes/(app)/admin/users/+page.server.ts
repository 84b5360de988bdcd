import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db/app-db.ts';
import { requireAdmin } from '$lib/server/guards.ts';
import { readValues, refused, tryService } from '$lib/server/form-actions.ts';
import { ACCOUNTS_PAGE_SIZE, changeAccount, listAccounts } from '$lib/server/roles.ts';
import type { Actions, PageServerLoad } from './$types';

const Change = z.object({
	userId: z.string().min(1),
	role: z.enum(['student', 'teacher']).optional(),
	isAdmin: z
		.enum(['yes', 'no'])
		.optional()
		.transform((v) => (v === undefined ? undefined : v === 'yes'))
});

export const load: PageServerLoad = async (event) => {
	const admin = requireAdmin(event);
	const query = event.url.searchParams.get('q')?.slice(0, 100) ?? '';
	const accounts = await listAccounts(getDb(), query);
	return { accounts, query, pageSize: ACCOUNTS_PAGE_SIZE, me: admin.id };
};

export const actions: Actions = {
	change: async (event) => {
		const admin = requireAdmin(event, true);
		const values = await readValues(event.request);
		const parsed = Change.safeParse(values);
		if (!parsed.success || (parsed.data.role === undefined && parsed.data.isAdmin === undefined))
			return refused('change', values, 'Choose a role or administrator rights to change.');
		const { userId, role, isAdmin } = parsed.data;
		const done = await tryService(() =>
			changeAccount(getDb(), admin.id, userId, { role, isAdmin })
		);
		if (!done.ok) return refused('change', values, done.message);
		redirect(303, '/admin/users');
	}
};
