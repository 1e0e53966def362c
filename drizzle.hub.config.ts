// drizzle-kit configuration for the hub schema: `npm run db:generate:hub` writes migrations to db/hub/migrations.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./db/hub/schema.ts', './db/hub/syncSchema.ts'],
  out: './db/hub/migrations',
});
