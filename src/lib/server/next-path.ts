// Where to go after signing in or up: the `next` parameter, if it is a path on this site.
/** Only same-site paths may be redirected to after sign-in. */
export function safeNextPath(next: string | null | undefined): string {
	return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\')
		? next
		: '/';
}
