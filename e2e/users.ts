export const PASSWORD = "jianbao2026";

export const USERS = {
  admin: "admin",
  editor: "editor",
  reviewer: "reviewer",
  signer: "signer",
  office: "office",
  changping: "changping",
  dongcheng: "dongcheng",
} as const;
export type UserKey = keyof typeof USERS;

// Saved logins live beside the run's database, so parallel runs never share them.
export const stateFile = (user: UserKey) => `data/e2e${process.env.E2E_RUN ? `-${process.env.E2E_RUN}` : ""}/auth/${user}.json`;
