-- An item's audit log includes the issue rows that name it (moves, TOC changes, comments on it):
-- lib/data/audit-log.ts itemRows() asks json_extract(detail, '$.itemId') = ? among entity = 'issue'.
-- Without this index that reads every issue row of the log.
CREATE INDEX `audit_issue_item` ON `audit_log` (json_extract(`detail`, '$.itemId')) WHERE `entity` = 'issue';
