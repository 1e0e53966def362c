-- Full-text index over the requests a user may see (entry number, authorities' names, free texts).
-- Hand-written custom migration (drizzle-kit generate --custom) because drizzle cannot model FTS5
-- virtual tables; kept in the migration chain rather than created on open so that every replica's
-- schema is exactly its journal. The desk writes rows in the same transaction as `requests`, after
-- folding the text with foldForSearch (ue→u, ß→ss, …); remove_diacritics 2 folds every other accent.
CREATE VIRTUAL TABLE `request_search` USING fts5(
	`case_id` UNINDEXED,
	`entry_number`,
	`authorities`,
	`texts`,
	tokenize = 'unicode61 remove_diacritics 2'
);
