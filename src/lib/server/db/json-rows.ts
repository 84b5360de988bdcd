// Many rows written by one statement from one JSON parameter (jsonb_to_recordset), for the writes of the
// hot paths. Drizzle builds a multi-row insert's SQL value by value (a submit's ten log rows and ten cards:
// about 0.8 ms of the server's CPU on every submit) and postgres.js then types each of its hundred-odd
// parameters; one JSON string of the same rows costs a twentieth of that. The column names and types come
// from the schema, so a renamed column is renamed here too.
import { getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';

export type JsonColumns = Record<string, PgColumn>;
/** A row by the columns' property names (as Drizzle's values() takes it); Dates are sent as ISO strings. */
export type JsonRow<C extends JsonColumns> = { [K in keyof C]: unknown };

// Serial types make a column; a column definition list takes the plain type.
const PLAIN_TYPE: Record<string, string> = {
	serial: 'integer',
	bigserial: 'bigint',
	smallserial: 'smallint'
};

/** `rows from (jsonb_to_recordset($1) as (…)) with ordinality as r(…, ord)`: the rows, `ord` their order. */
function recordset<C extends JsonColumns>(columns: C, rows: JsonRow<C>[]): SQL {
	const keys = Object.keys(columns);
	const json = JSON.stringify(
		rows.map((row) => Object.fromEntries(keys.map((k) => [columns[k].name, row[k] ?? null])))
	);
	const definition = keys
		.map((k) => {
			const type = columns[k].getSQLType();
			return `"${columns[k].name}" ${PLAIN_TYPE[type] ?? type}`;
		})
		.join(', ');
	return sql`rows from (jsonb_to_recordset(${json}::jsonb) as (${sql.raw(definition)})) with ordinality as r(${columnList(columns)}, ord)`;
}

function columnList(columns: JsonColumns, prefix = ''): SQL {
	return sql.raw(
		Object.values(columns)
			.map((c) => `${prefix}"${c.name}"`)
			.join(', ')
	);
}

/** Inserts `rows` into `table`, in their order (a serial id follows it). */
export function insertRows<C extends JsonColumns>(
	table: PgTable,
	columns: C,
	rows: JsonRow<C>[]
): SQL {
	return sql`insert into ${table} (${columnList(columns)}) select ${columnList(columns, 'r.')} from ${recordset(columns, rows)} order by r.ord`;
}

/**
 * Updates the rows of `table` whose `key` matches a row's: each column of `columns` but the key is set to
 * the row's value (`r."name"`), or to `set[name]`'s expression where given (it may read `r.` and the table).
 */
export function updateRows<C extends JsonColumns>(
	table: PgTable,
	key: keyof C & string,
	columns: C,
	rows: JsonRow<C>[],
	set: Partial<Record<keyof C, SQL>> = {}
): SQL {
	const assignments = sql.join(
		Object.keys(columns)
			.filter((k) => k !== key)
			.map(
				(k) =>
					sql`${sql.raw(`"${columns[k].name}"`)} = ${set[k] ?? sql.raw(`r."${columns[k].name}"`)}`
			),
		sql`, `
	);
	return sql`update ${table} set ${assignments} from ${recordset(columns, rows)} where ${columns[key]} = ${sql.raw(`r."${columns[key].name}"`)}`;
}

/** The rows a raw statement returned, from either driver (postgres.js: an array; PGlite: `rows`). */
export function rowsOf<T>(result: unknown): T[] {
	return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** The rows of `table` a raw statement returned (`returning *`), mapped as Drizzle maps a select of them. */
export function tableRows<T extends PgTable>(table: T, result: unknown): T['$inferSelect'][] {
	const columns = Object.entries(getTableColumns(table));
	return rowsOf<Record<string, unknown>>(result).map(
		(raw) =>
			Object.fromEntries(
				columns.map(([key, column]) => {
					const value = raw[column.name];
					return [
						key,
						value === null || value === undefined ? null : column.mapFromDriverValue(value)
					];
				})
			) as T['$inferSelect']
	);
}
