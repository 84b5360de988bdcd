// Vitest global setup of the integration project: the real migrations are run once per test run, into an
// embedded database saved as a tarball and, with TEST_DATABASE_URL, into a template database on Postgres.
// Each file's fresh database then starts from that copy (createTestDatabase): starting PGlite from
// nothing and migrating it took seconds per file, about 23 times a run. A copy made in this same run
// from drizzle/ cannot drift from the migrations the files would have run.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../src/lib/server/db/index.ts';
import { databaseUrl } from './database-url.ts';
import { migrationsDir } from './db.ts';

declare module 'vitest' {
	export interface ProvidedContext {
		/** The migrated PGlite data folder, as a tarball file (dumpDataDir). */
		migratedPgliteTarball: string;
		/** A migrated database on TEST_DATABASE_URL's server, to create each file's database from; '' without one. */
		migratedPostgresTemplate: string;
	}
}

export default async function setup(project: TestProject) {
	const folder = mkdtempSync(path.join(tmpdir(), 'sahel-migrated-'));
	const tarball = path.join(folder, 'pglite.tar');
	const embedded = openDatabase({ pgliteDir: 'memory://' });
	await embedded.migrate(migrationsDir);
	const client = (embedded.db as unknown as { $client: PGlite }).$client;
	writeFileSync(tarball, Buffer.from(await (await client.dumpDataDir('none')).arrayBuffer()));
	await embedded.close();
	project.provide('migratedPgliteTarball', tarball);

	let template = '';
	const adminUrl = process.env.TEST_DATABASE_URL;
	const admin = adminUrl ? postgres(adminUrl, { max: 1, onnotice: () => {} }) : null;
	if (admin && adminUrl) {
		template = `test_template_${randomBytes(6).toString('hex')}`;
		await admin.unsafe(`create database ${template}`);
		const database = openDatabase({ url: databaseUrl(adminUrl, template) });
		await database.migrate(migrationsDir);
		// A template is copied only while nobody is connected to it.
		await database.close();
	}
	project.provide('migratedPostgresTemplate', template);

	return async () => {
		rmSync(folder, { recursive: true, force: true });
		if (admin) {
			if (template) await admin.unsafe(`drop database if exists ${template} with (force)`);
			await admin.end();
		}
	};
}
