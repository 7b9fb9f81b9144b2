CREATE TABLE `item_fingerprint_bands` (
	`band` integer NOT NULL,
	`key` integer NOT NULL,
	`item_id` integer NOT NULL,
	PRIMARY KEY(`band`, `key`, `item_id`),
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `item_fingerprint_bands_item` ON `item_fingerprint_bands` (`item_id`);--> statement-breakpoint
CREATE TABLE `item_fingerprints` (
	`item_id` integer PRIMARY KEY NOT NULL,
	`signature` text,
	`item_updated_at` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `word_list_entries` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`list` text NOT NULL,
	`term` text NOT NULL,
	`replacement` text,
	`note` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `word_list_entries_term` ON `word_list_entries` (`list`,`term`);