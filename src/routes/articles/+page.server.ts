import { getDb } from '$lib/server/db/app-db.ts';
import { listArticles } from '$lib/server/db/queries/articles.ts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => ({ articles: await listArticles(getDb()) });
