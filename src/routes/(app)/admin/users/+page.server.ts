import { fail, redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { getDb } from '$lib/server/db/app-db.ts';
import { RequestError, orHttpError } from '$lib/server/errors.ts';
import { requireAdmin } from '$lib/server/guards.ts';
import { firstValues, readFormFields } from '$lib/server/form-fields.ts';
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
		const values = firstValues(readFormFields(await event.request.formData()));
		const parsed = Change.safeParse(values);
		if (!parsed.success || (parsed.data.role === undefined && parsed.data.isAdmin === undefined))
			return fail(400, { message: 'Choose a role or administrator rights to change.' });
		try {
			await changeAccount(getDb(), admin.id, parsed.data.userId, {
				role: parsed.data.role,
				isAdmin: parsed.data.isAdmin
			});
		} catch (e) {
			if (e instanceof RequestError && e.status === 400) return fail(400, { message: e.message });
			return orHttpError(() => Promise.reject(e));
		}
		redirect(303, '/admin/users');
	}
};
