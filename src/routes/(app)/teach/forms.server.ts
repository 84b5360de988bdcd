// The shape every teacher form action shares: read the posted fields, validate them with zod, and on a
// problem the teacher can fix, send the form back with one message per field and what they typed.
import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import { RequestError } from '$lib/server/errors.ts';
import { fieldErrors, firstValues, readFormFields } from '$lib/server/forms.ts';
import { orHttpError } from '$lib/server/guards.ts';

/** Which form failed (a page has several), its messages by field name ("form" for the whole form), its values. */
export type FormProblem = {
	action: string;
	errors: Record<string, string>;
	values: Record<string, string>;
};

/** The posted form, first value of each field; an oversized or file field is refused with its HTTP status. */
export async function readValues(request: Request): Promise<Record<string, string>> {
	return firstValues(await orHttpError(async () => readFormFields(await request.formData())));
}

/** A 400 answer that refills form `action` and shows `errors` beside its fields. */
export function invalid(
	action: string,
	values: Record<string, string>,
	errors: Record<string, string>
) {
	return fail(400, { action, errors, values } satisfies FormProblem);
}

/** `schema.safeParse(values)`, with zod's issues already turned into the failure to return. */
export function parseForm<S extends z.ZodType>(
	action: string,
	schema: S,
	values: Record<string, string>
) {
	const parsed = schema.safeParse(values);
	if (parsed.success) return { data: parsed.data as z.output<S>, failure: null };
	return { data: null, failure: invalid(action, values, fieldErrors(parsed.error)) };
}

/**
 * Runs a service call. A refusal the teacher can act on from the form (400: "this set has no
 * questions yet") comes back as `message`; any other refusal (404, 403) is an HTTP error page.
 */
export async function tryService<T>(
	work: () => Promise<T>
): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
	try {
		return { ok: true, value: await work() };
	} catch (e) {
		if (e instanceof RequestError && e.status === 400) return { ok: false, message: e.message };
		return orHttpError(() => Promise.reject(e));
	}
}
