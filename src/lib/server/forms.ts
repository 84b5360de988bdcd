// Small helpers shared by form actions: refuse oversized fields and report zod issues by field.
import type { z } from 'zod';
import { RequestError } from './errors.ts';

export const MAX_FIELD_LENGTH = 2000;

/** Form fields as lists of strings; any field longer than the limit is refused with its name. */
export function readFormFields(form: FormData): Record<string, string[]> {
	const fields: Record<string, string[]> = {};
	for (const [name, value] of form) {
		if (typeof value !== 'string') throw new RequestError(400, `Field "${name}" must be text, not a file.`);
		if (value.length > MAX_FIELD_LENGTH) throw new RequestError(413, `Field "${name}" is too long (at most ${MAX_FIELD_LENGTH} characters).`);
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

/** Only same-site paths may be redirected to after sign-in. */
export function safeNextPath(next: string | null | undefined): string {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}
