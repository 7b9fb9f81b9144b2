CREATE TABLE `item_status_counts` (
	`status` text PRIMARY KEY NOT NULL,
	`n` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
DROP INDEX `placements_issue`;--> statement-breakpoint
CREATE INDEX `placements_issue` ON `placements` (`issue_id`,`position`);--> statement-breakpoint
CREATE INDEX `issue_sections_catalogue` ON `issue_sections` (`catalogue_section_id`);--> statement-breakpoint
CREATE INDEX `issues_pub_status` ON `issues` (`publication_id`,`status`,`year`,`number`);--> statement-breakpoint
CREATE INDEX `issues_status_deadline` ON `issues` (`status`,`deadline`);--> statement-breakpoint
CREATE INDEX `items_status_submitted` ON `items` (`status`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `items_submitted` ON `items` (`submitted_at`,`status`);--> statement-breakpoint
CREATE INDEX `items_unit_updated` ON `items` (`unit_id`,`updated_at`);--> statement-breakpoint
CREATE INDEX `items_unit_submitted` ON `items` (`unit_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `items_section` ON `items` (`suggested_section_id`,`submitted_at`);--> statement-breakpoint
CREATE INDEX `items_title` ON `items` (`title`,`status`);--> statement-breakpoint
CREATE INDEX `notifications_user_recent` ON `notifications` (`user_id`,`id`);