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
