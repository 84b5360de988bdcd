// The shape every form action shares: read the posted fields, validate them with zod, call the service,
// then redirect; on a problem the person can fix, send the form back with `fail(status, FormProblem)`: one
// message per field ("form" for the whole form) and what they typed, so the page refills the right form.
import { fail } from '@sveltejs/kit';
import type { z } from 'zod';
import type { FormProblem } from '$lib/forms.ts';
import { RequestError } from '$lib/server/errors.ts';
import { fieldErrors, firstValues, readFormFields } from '$lib/server/form-fields.ts';
import { orHttpError } from '$lib/server/errors.ts';

export type { FormProblem };

/** The posted form, first value of each field; an oversized or file field is refused with its HTTP status. */
export async function readValues(request: Request): Promise<Record<string, string>> {
	return firstValues(await readFields(request));
}

/** The posted form, every value of each field (checkbox lists); refused as `readValues` refuses. */
export async function readFields(request: Request): Promise<Record<string, string[]>> {
	return orHttpError(async () => readFormFields(await request.formData()));
}

/**
 * Whether the post came from a form enhanced by `use:enhance` (which asks for JSON and says so in its
 * header), rather than a browser without JavaScript, which follows a redirect.
 */
export function isEnhancedRequest(request: Request) {
	return request.headers.get('x-sveltekit-action') === 'true';
}

/** A failure (400 unless said) that refills form `action` and shows `errors` beside its fields. */
export function invalid(
	action: string,
	values: Record<string, string>,
	errors: Record<string, string>,
	status = 400
) {
	return fail(status, { action, errors, values } satisfies FormProblem);
}

/** A failure about the whole form (`errors.form`), shown above its fields. */
export function refused(
	action: string,
	values: Record<string, string>,
	message: string,
	status = 400
) {
	return invalid(action, values, { form: message }, status);
}

/** `schema.safeParse(values)`, with zod's issues already turned into the failure to return. */
export function parseForm<S extends z.ZodType>(
	action: string,
	schema: S,
	values: unknown,
	refill: Record<string, string> = values as Record<string, string>
) {
	const parsed = schema.safeParse(values);
	if (parsed.success) return { data: parsed.data as z.output<S>, failure: null };
	return { data: null, failure: invalid(action, refill, fieldErrors(parsed.error)) };
}

/**
 * Runs a service call. A refusal the person can act on from the form (400: "this set has no
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
