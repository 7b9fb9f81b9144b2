CREATE TABLE `forwards` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`target` text NOT NULL,
	`date` text NOT NULL,
	`used` integer DEFAULT false NOT NULL,
	`used_date` text,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `forwards_item_target` ON `forwards` (`item_id`,`target`);--> statement-breakpoint
CREATE INDEX `forwards_used_date` ON `forwards` (`used_date`);--> statement-breakpoint
CREATE TABLE `leader_instructions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` integer NOT NULL,
	`leader` text NOT NULL,
	`level` text NOT NULL,
	`date` text NOT NULL,
	`text` text NOT NULL,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `leader_instructions_item` ON `leader_instructions` (`item_id`);--> statement-breakpoint
CREATE INDEX `leader_instructions_date` ON `leader_instructions` (`date`);--> statement-breakpoint
CREATE TABLE `scoring_rules` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`publication_id` integer NOT NULL,
	`effective_from` text NOT NULL,
	`per_submission` real NOT NULL,
	`per_lead` real NOT NULL,
	`per_highlight` real NOT NULL,
	`per_ordinary` real NOT NULL,
	`per_instruction_central` real NOT NULL,
	`per_instruction_provincial` real NOT NULL,
	`per_instruction_bureau` real NOT NULL,
	`per_instruction_other` real NOT NULL,
	`per_forward_used` real NOT NULL,
	`per_call_answered` real NOT NULL,
	`per_call_missed` real NOT NULL,
	`co_unit_share` real DEFAULT 1 NOT NULL,
	`created_by_id` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`publication_id`) REFERENCES `publications`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `scoring_rules_pub_from` ON `scoring_rules` (`publication_id`,`effective_from`);--> statement-breakpoint
CREATE INDEX `issues_pub_date` ON `issues` (`publication_id`,`date`);--> statement-breakpoint
CREATE INDEX `items_pub_submitted` ON `items` (`publication_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `placements_issue` ON `placements` (`issue_id`);