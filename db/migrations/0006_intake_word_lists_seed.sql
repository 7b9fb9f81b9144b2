-- Custom SQL migration file, put your code below! --
-- A few invented examples for the admin's 规范表述 and 敏感词 lists; the admin edits them.
INSERT OR IGNORE INTO `word_list_entries` (`list`, `term`, `replacement`, `note`) VALUES
  ('standard', '科协副主席、党组书记', '科协党组书记、副主席', '职务排序：党组职务在前'),
  ('standard', '网格化员', '网格员', '统一称谓'),
  ('standard', '两学一做', '“两学一做”学习教育', '提法须完整'),
  ('standard', '互联网+', '“互联网+”', '提法加引号'),
  ('standard', '科普e站', '科普e站（社区科普服务站）', '首次出现须注明全称'),
  ('sensitive', '内部绝密', NULL, '示例：不得出现在简报中'),
  ('sensitive', '小道消息', NULL, '示例：不规范用语'),
  ('sensitive', '某某领导', NULL, '示例：须写明姓名职务');
