CREATE TABLE `issue_approvals` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`issue_id` integer NOT NULL,
	`round` integer NOT NULL,
	`level` integer NOT NULL,
	`user_id` integer NOT NULL,
	`user_name` text NOT NULL,
	`fingerprint` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`voided_at` integer,
	`voided_by_name` text,
	`void_reason` text,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `issue_approvals_issue` ON `issue_approvals` (`issue_id`);--> statement-breakpoint
CREATE TABLE `issue_editions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`issue_id` integer NOT NULL,
	`revision` integer NOT NULL,
	`kind` text NOT NULL,
	`document` text NOT NULL,
	`fingerprint` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`created_by_id` integer,
	`created_by_name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`created_by_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `issue_editions_issue_revision` ON `issue_editions` (`issue_id`,`revision`);--> statement-breakpoint
ALTER TABLE `issues` ADD `changed_by_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `issues` ADD `moved_item_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `publications` ADD `signoff_levels` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `review_rounds` ADD `changed_by_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `review_rounds` ADD `moved_item_ids` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `review_rounds` ADD `return_reason` text;