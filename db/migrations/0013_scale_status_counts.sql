-- item_status_counts keeps how many items are in each state, so the inbox's tabs read seven rows
-- instead of counting every item on each page view. Filled once here, then kept by triggers on
-- every insert, state change and delete of an item (no code writes it).
INSERT INTO `item_status_counts` (`status`, `n`) SELECT `status`, count(*) FROM `items` GROUP BY `status`;
--> statement-breakpoint
CREATE TRIGGER `items_count_insert` AFTER INSERT ON `items`
BEGIN
  INSERT INTO `item_status_counts` (`status`, `n`) VALUES (NEW.`status`, 1)
    ON CONFLICT (`status`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `items_count_update` AFTER UPDATE OF `status` ON `items` WHEN OLD.`status` IS NOT NEW.`status`
BEGIN
  UPDATE `item_status_counts` SET `n` = `n` - 1 WHERE `status` = OLD.`status`;
  INSERT INTO `item_status_counts` (`status`, `n`) VALUES (NEW.`status`, 1)
    ON CONFLICT (`status`) DO UPDATE SET `n` = `n` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `items_count_delete` AFTER DELETE ON `items`
BEGIN
  UPDATE `item_status_counts` SET `n` = `n` - 1 WHERE `status` = OLD.`status`;
END;
