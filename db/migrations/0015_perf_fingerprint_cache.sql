CREATE TABLE `fingerprint_queue` (
	`item_id` integer PRIMARY KEY NOT NULL
);
--> statement-breakpoint
ALTER TABLE `item_fingerprints` ADD `seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `item_fingerprints` ADD `best_item_id` integer;--> statement-breakpoint
ALTER TABLE `item_fingerprints` ADD `best_similarity` real;--> statement-breakpoint
ALTER TABLE `item_fingerprints` ADD `best_seq` integer;--> statement-breakpoint
CREATE INDEX `item_fingerprints_seq` ON `item_fingerprints` (`seq`);