-- fingerprint_queue lists the items whose near-duplicate fingerprint must be taken again, so the
-- inbox reads that short list instead of comparing every item with its fingerprint on each view.
-- Filled here with what is out of date now, then kept by triggers (no code writes it; the code
-- only empties it, in lib/data/near-duplicates.ts refreshFingerprints).
INSERT OR IGNORE INTO `fingerprint_queue` (`item_id`)
  SELECT `items`.`id` FROM `items` LEFT JOIN `item_fingerprints` ON `item_fingerprints`.`item_id` = `items`.`id`
  WHERE `items`.`status` IN ('submitted', 'accepted', 'placed', 'published')
    AND (`item_fingerprints`.`item_id` IS NULL OR `item_fingerprints`.`item_updated_at` < `items`.`updated_at`);
--> statement-breakpoint
CREATE TRIGGER `items_fingerprint_insert` AFTER INSERT ON `items`
BEGIN
  INSERT OR IGNORE INTO `fingerprint_queue` (`item_id`) VALUES (NEW.`id`);
END;
--> statement-breakpoint
CREATE TRIGGER `items_fingerprint_update` AFTER UPDATE OF `title`, `body`, `status` ON `items`
  WHEN OLD.`title` IS NOT NEW.`title` OR OLD.`body` IS NOT NEW.`body` OR OLD.`status` IS NOT NEW.`status`
BEGIN
  INSERT OR IGNORE INTO `fingerprint_queue` (`item_id`) VALUES (NEW.`id`);
END;
