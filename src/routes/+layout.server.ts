import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	user: locals.user
		? {
				displayName: locals.user.displayName,
				role: locals.user.role,
				isAdmin: locals.user.isAdmin
			}
		: null,
	/** The viewer's zone for every date a page writes (src/lib/format/date.ts). */
	timeZone: locals.user?.timeZone ?? 'UTC'
});
