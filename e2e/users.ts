export const PASSWORD = "jianbao2026";

export const USERS = {
  admin: "admin",
  editor: "editor",
  reviewer: "reviewer",
  office: "office",
  changping: "changping",
  dongcheng: "dongcheng",
} as const;
export type UserKey = keyof typeof USERS;

export const stateFile = (user: UserKey) => `e2e/.auth/${user}.json`;
