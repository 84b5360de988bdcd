// Reading posted fields for form actions: refuse files, oversized fields and NUL characters; zod's issues
// as one message per field.
import { error } from '@sveltejs/kit';
import type { z } from 'zod';

export const MAX_FIELD_LENGTH = 2000;

/**
 * Form fields as lists of strings; a file, a field longer than the limit or a NUL character is refused
 * with the field's name. HTTP errors rather than RequestErrors: the actions call this outside their
 * try blocks, where a RequestError would become a 500.
 */
export function readFormFields(form: FormData): Record<string, string[]> {
	const fields: Record<string, string[]> = {};
	for (const [name, value] of form) {
		if (typeof value !== 'string') error(400, `Field "${name}" must be text, not a file.`);
		if (value.length > MAX_FIELD_LENGTH)
			error(413, `Field "${name}" is too long (at most ${MAX_FIELD_LENGTH} characters).`);
		if (value.includes('\u0000'))
			error(400, `Field "${name}" contains a NUL character, which no text may hold.`);
		(fields[name] ??= []).push(value);
	}
	return fields;
}

/** First value of each field, for flat forms. */
export function firstValues(fields: Record<string, string[]>): Record<string, string> {
	return Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v[0]]));
}

/** zod issues as one message per field, for showing beside each input. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
	const out: Record<string, string> = {};
	for (const issue of error.issues) {
		const key = String(issue.path[0] ?? 'form');
		out[key] ??= issue.message;
	}
	return out;
}
