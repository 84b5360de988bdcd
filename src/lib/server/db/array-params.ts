// A list of values as one array parameter (`= any($1)`), where Drizzle's inArray writes one parameter per
// value: the statement's text is then the same whatever the list's length, so it can be kept prepared
// (prepared.ts) instead of parsed and described afresh on every request. Both drivers send a JS array
// as a Postgres array once the statement says its type.
import { param, sql, type Column, type SQL } from 'drizzle-orm';

/** `column` is one of `values` (false for none); `type`: the values' Postgres type. */
export function isAnyOf(
	column: Column | SQL,
	values: readonly (string | number)[],
	type: 'text' | 'integer' = 'text'
): SQL {
	return sql`${column} = any(${param([...values])}::${sql.raw(type)}[])`;
}

/** `column` is none of `values` (true for none). */
export function isNoneOf(column: Column | SQL, values: readonly string[]): SQL {
	return sql`not (${column} = any(${param([...values])}::text[]))`;
}
