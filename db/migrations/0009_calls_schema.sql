CREATE TABLE `call_units` (
	`call_id` integer NOT NULL,
	`unit_id` integer NOT NULL,
	PRIMARY KEY(`call_id`, `unit_id`),
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `calls` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`publication_id` integer NOT NULL,
	`topic` text NOT NULL,
	`guidance` text DEFAULT '' NOT NULL,
	`deadline` integer NOT NULL,
	`target` text DEFAULT 'all' NOT NULL,
	`issue_id` integer,
	`created_by_id` integer,
	`closed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`publication_id`) REFERENCES `publications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `calls_deadline` ON `calls` (`deadline`);--> statement-breakpoint
CREATE TABLE `distribution_records` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`issue_id` integer NOT NULL,
	`date` text NOT NULL,
	`method` text NOT NULL,
	`groups` text NOT NULL,
	`recipient_count` integer NOT NULL,
	`print_run` integer,
	`recorded_by_id` integer,
	`recorded_by_name` text NOT NULL,
	`corrects_id` integer,
	`reason` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`corrects_id`) REFERENCES `distribution_records`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `distribution_records_issue` ON `distribution_records` (`issue_id`);--> statement-breakpoint
CREATE TABLE `publication_guidance` (
	`publication_id` integer PRIMARY KEY NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`updated_by_id` integer,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`publication_id`) REFERENCES `publications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`updated_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `reminders` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`key` text NOT NULL,
	`call_id` integer,
	`issue_id` integer,
	`due_at` integer NOT NULL,
	`offset_minutes` integer,
	`created_by_id` integer,
	`sent_at` integer,
	`units_reminded` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`call_id`) REFERENCES `calls`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_key_unique` ON `reminders` (`key`);--> statement-breakpoint
CREATE INDEX `reminders_due` ON `reminders` (`sent_at`,`due_at`);--> statement-breakpoint
ALTER TABLE `items` ADD `call_id` integer REFERENCES calls(id);--> statement-breakpoint
CREATE INDEX `items_call` ON `items` (`call_id`);--> statement-breakpoint
ALTER TABLE `users` ADD `email` text;