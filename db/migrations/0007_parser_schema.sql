CREATE TABLE `unit_aliases` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`unit_id` integer NOT NULL,
	`alias` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`unit_id`) REFERENCES `units`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `unit_aliases_alias_unique` ON `unit_aliases` (`alias`);--> statement-breakpoint
DROP INDEX `issues_pub_year_number`;--> statement-breakpoint
DROP INDEX `issues_pub_total`;--> statement-breakpoint
ALTER TABLE `issues` ADD `kind` text DEFAULT 'regular' NOT NULL;--> statement-breakpoint
ALTER TABLE `issues` ADD `number_end` integer;--> statement-breakpoint
ALTER TABLE `issues` ADD `total_number_end` integer;--> statement-breakpoint
ALTER TABLE `issues` ADD `supplement_label` text;--> statement-breakpoint
CREATE UNIQUE INDEX `issues_pub_year_number` ON `issues` (`publication_id`,`year`,`number`) WHERE "issues"."kind" <> 'supplement';--> statement-breakpoint
CREATE UNIQUE INDEX `issues_pub_total` ON `issues` (`publication_id`,`total_number`) WHERE "issues"."kind" <> 'supplement';--> statement-breakpoint
ALTER TABLE `items` ADD `byline_name` text;--> statement-breakpoint
ALTER TABLE `publications` ADD `numerals` text DEFAULT 'arabic' NOT NULL;--> statement-breakpoint
ALTER TABLE `publications` ADD `year_brackets` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `publications` ADD `last_published_year` integer;--> statement-breakpoint
ALTER TABLE `publications` ADD `last_published_number` integer;--> statement-breakpoint
ALTER TABLE `publications` ADD `last_published_total` integer;