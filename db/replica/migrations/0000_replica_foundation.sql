CREATE TABLE `attention` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`seq` integer NOT NULL,
	`case_id` text NOT NULL,
	`command` text NOT NULL,
	`reason` text NOT NULL,
	`details` text,
	`created_at` text NOT NULL,
	`dismissed` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `attention_open_idx` ON `attention` (`dismissed`);--> statement-breakpoint
CREATE TABLE `authorities` (
	`id` text PRIMARY KEY NOT NULL,
	`country` text NOT NULL,
	`official_name` text NOT NULL,
	`status` text NOT NULL,
	`data` text NOT NULL,
	`updated_position` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`seq` integer PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`command` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `outbox_case_idx` ON `outbox` (`case_id`);--> statement-breakpoint
CREATE TABLE `requests` (
	`id` text PRIMARY KEY NOT NULL,
	`entry_number` integer,
	`level` text,
	`area` text,
	`status` text,
	`due_date` text,
	`requesting_authority_id` text,
	`responding_authority_id` text,
	`created_by_user_id` text,
	`sent_at` text,
	`updated_position` integer DEFAULT 0 NOT NULL,
	`server_data` text,
	`data` text,
	`pending` integer DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE INDEX `requests_status_idx` ON `requests` (`status`);--> statement-breakpoint
CREATE INDEX `requests_due_date_idx` ON `requests` (`due_date`);--> statement-breakpoint
CREATE INDEX `requests_entry_number_idx` ON `requests` (`entry_number`);--> statement-breakpoint
CREATE TABLE `sync_state` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`authority_id` text NOT NULL,
	`data` text NOT NULL,
	`updated_position` integer NOT NULL
);
