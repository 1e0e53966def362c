// drizzle-kit configuration for the desk replica: `npm run db:generate:replica` writes migrations to db/replica/migrations.
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'sqlite',
  schema: './db/replica/schema.ts',
  out: './db/replica/migrations',
});
