-- The bigram index gains an index of one-character prefixes (prefix = '1'), so a one-character
-- query (a rare given name such as 𫖯, or 科) reads one doclist instead of merging the doclist of
-- every two-character piece that starts with it: 科 over 100,000 items took about 130 ms without.
-- The table is contentless, so it is made again and filled as 0010 filled it; the triggers on items
-- name it and keep writing to the new one.
DROP TABLE search_bigram;
--> statement-breakpoint
CREATE VIRTUAL TABLE search_bigram USING fts5(text, tokenize = 'unicode61', content = '', contentless_delete = 1, prefix = '1');
--> statement-breakpoint
INSERT INTO search_bigram(rowid, text)
  SELECT i.id, (SELECT group_concat(DISTINCT substr(x.t, s.n, 2)) FROM (SELECT i.title || char(10) || coalesce((SELECT group_concat(j.value, '') FROM json_tree(i.body) j WHERE j.key = 'text'), '') || char(10) || coalesce(i.source, '') AS t) x JOIN search_seq s ON s.n < length(x.t)) FROM items i;
