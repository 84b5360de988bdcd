// Framework floor: the cheapest request SvelteKit can answer (hooks, routing, an empty 204).
import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = () => {
	if (env.BENCH_ROUTES !== '1') error(404, 'Not found');
	return new Response(null, { status: 204 });
};
