-- Login names are unique without regard to case (issue 10, point 5): Editor and editor are one login.
CREATE UNIQUE INDEX IF NOT EXISTS `users_username_nocase` ON `users` (lower(`username`));
