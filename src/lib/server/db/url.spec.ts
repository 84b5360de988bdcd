import { describe, expect, it } from 'vitest';
import { postgresTarget } from './url.ts';

describe('postgresTarget', () => {
	it('leaves a TCP URL as it is', () => {
		expect(postgresTarget('postgres://app:secret@db.example:5433/quiz')).toEqual({
			url: 'postgres://app:secret@db.example:5433/quiz'
		});
	});

	it("reads libpq's ?host=/dir as a Unix socket in that folder, on the URL's port", () => {
		expect(postgresTarget('postgres://postgres@/quiz?host=/run/postgresql')).toEqual({
			url: 'postgres://postgres@localhost/quiz',
			path: '/run/postgresql/.s.PGSQL.5432'
		});
		expect(
			postgresTarget('postgres://postgres@localhost:6543/quiz?host=/tmp/pg/&sslmode=disable')
		).toEqual({
			url: 'postgres://postgres@localhost:6543/quiz?sslmode=disable',
			path: '/tmp/pg/.s.PGSQL.6543'
		});
	});

	it('takes the port from ?port= when the URL has none', () => {
		expect(postgresTarget('postgres://postgres@/quiz?host=/tmp/pg&port=7000').path).toBe(
			'/tmp/pg/.s.PGSQL.7000'
		);
	});

	it('keeps a host parameter that is not a folder for the driver to report', () => {
		expect(postgresTarget('postgres://postgres@/quiz?host=db.example')).toEqual({
			url: 'postgres://postgres@/quiz?host=db.example'
		});
	});
});
