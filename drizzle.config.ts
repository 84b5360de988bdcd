import { defineConfig } from 'drizzle-kit';

// Only generates migrations from the schema; the app applies them itself at start.
export default defineConfig({
	schema: './src/lib/server/db/schema.ts',
	out: './drizzle',
	dialect: 'postgresql'
});
