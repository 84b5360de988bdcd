import { redirect } from '@sveltejs/kit';
import type { LayoutServerLoad } from './$types';

// Every page under (app) needs a signed-in user; the sign-in page sends them back here.
export const load: LayoutServerLoad = ({ locals, url }) => {
	if (!locals.user) redirect(303, `/signin?next=${encodeURIComponent(url.pathname + url.search)}`);
	return {};
};
