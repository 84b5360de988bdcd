// The benchmark's framework floor (npm run bench): these routes exist only when BENCH_ROUTES=1,
// so a production server never exposes them. Endpoints (+server.ts) do not run layout loads, so
// each of them checks the same switch itself.
import { error } from '@sveltejs/kit';
import { env } from '$env/dynamic/private';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = () => {
	if (env.BENCH_ROUTES !== '1') error(404, 'Not found');
	return {};
};
