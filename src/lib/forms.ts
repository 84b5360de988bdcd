// The one shape of a failed form action, shared by the server (form-actions.ts) and the pages (Field).
// `action` names the form on a page with several; single-form pages use 'default'.

export type FormProblem = {
	action: string;
	/** One message per field name; "form" for the whole form. */
	errors: Record<string, string>;
	/** What was typed, to refill the form (never a password). */
	values: Record<string, string>;
};

/** `form` (a page's ActionData) when it is the failure of form `action`. */
export function problemFor(form: unknown, action = 'default'): FormProblem | undefined {
	if (!form || typeof form !== 'object') return undefined;
	const f = form as Partial<FormProblem>;
	return f.action === action && f.errors && f.values ? (f as FormProblem) : undefined;
}

/** The message of one field of form `action`'s failure, if it failed on that field. */
export function fieldError(form: unknown, action: string, field: string): string | undefined {
	return problemFor(form, action)?.errors[field];
}

/** What was typed into `field` when form `action` came back with a problem; else `fallback`. */
export function typedValue(form: unknown, action: string, field: string, fallback = ''): string {
	return problemFor(form, action)?.values[field] ?? fallback;
}
