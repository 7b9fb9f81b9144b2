-- Chinese full-text search over items (titles, bodies as plain text, attributions).
-- Two contentless FTS5 indexes keyed by items.id, kept in step by the triggers below:
--   search_trigram: the text itself, trigram tokenizer — any query of 3 or more characters;
--   search_bigram: the text's distinct two-character pieces, comma-separated (unicode61 splits on
--     the commas) — two-character queries such as 科普, which a trigram index cannot answer.
-- search_seq numbers the characters for the bigram split (triggers may not use WITH); text past
-- 20,000 characters is indexed by the trigram table only.
CREATE TABLE search_seq (n INTEGER PRIMARY KEY);
--> statement-breakpoint
INSERT INTO search_seq(n) WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 20000) SELECT n FROM s;
--> statement-breakpoint
CREATE VIRTUAL TABLE search_trigram USING fts5(text, tokenize = 'trigram', content = '', contentless_delete = 1);
--> statement-breakpoint
CREATE VIRTUAL TABLE search_bigram USING fts5(text, tokenize = 'unicode61', content = '', contentless_delete = 1);
--> statement-breakpoint
INSERT INTO search_trigram(rowid, text) SELECT i.id, i.title || char(10) || coalesce((SELECT group_concat(j.value, '') FROM json_tree(i.body) j WHERE j.key = 'text'), '') || char(10) || coalesce(i.source, '') FROM items i;
--> statement-breakpoint
INSERT INTO search_bigram(rowid, text)
  SELECT i.id, (SELECT group_concat(DISTINCT substr(x.t, s.n, 2)) FROM (SELECT i.title || char(10) || coalesce((SELECT group_concat(j.value, '') FROM json_tree(i.body) j WHERE j.key = 'text'), '') || char(10) || coalesce(i.source, '') AS t) x JOIN search_seq s ON s.n < length(x.t)) FROM items i;
--> statement-breakpoint
CREATE TRIGGER items_search_insert AFTER INSERT ON items
BEGIN
  INSERT INTO search_trigram(rowid, text) VALUES (new.id, new.title || char(10) || coalesce((SELECT group_concat(j.value, '') FROM json_tree(new.body) j WHERE j.key = 'text'), '') || char(10) || coalesce(new.source, ''));
  INSERT INTO search_bigram(rowid, text)
    SELECT new.id, group_concat(DISTINCT substr(x.t, s.n, 2)) FROM (SELECT new.title || char(10) || coalesce((SELECT group_concat(j.value, '') FROM json_tree(new.body) j WHERE j.key = 'text'), '') || char(10) || coalesce(new.source, '') AS t) x JOIN search_seq s ON s.n < length(x.t);
END;
--> statement-breakpoint
CREATE TRIGGER items_search_update AFTER UPDATE OF title, body, source ON items
BEGIN
  DELETE FROM search_trigram WHERE rowid = old.id;
  DELETE FROM search_bigram WHERE rowid = old.id;
  INSERT INTO search_trigram(rowid, text) VALUES (new.id, new.title || char(10) || coalesce((SELECT group_concat(j.value, '') FROM json_tree(new.body) j WHERE j.key = 'text'), '') || char(10) || coalesce(new.source, ''));
  INSERT INTO search_bigram(rowid, text)
    SELECT new.id, group_concat(DISTINCT substr(x.t, s.n, 2)) FROM (SELECT new.title || char(10) || coalesce((SELECT group_concat(j.value, '') FROM json_tree(new.body) j WHERE j.key = 'text'), '') || char(10) || coalesce(new.source, '') AS t) x JOIN search_seq s ON s.n < length(x.t);
END;
--> statement-breakpoint
CREATE TRIGGER items_search_delete AFTER DELETE ON items
BEGIN
  DELETE FROM search_trigram WHERE rowid = old.id;
  DELETE FROM search_bigram WHERE rowid = old.id;
END;
