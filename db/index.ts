import "server-only";
import { openDatabase, type Db } from "./open";
import { env } from "@/lib/env";

export type { Db } from "./open";

// One client per process, cached on globalThis so dev reloads do not open new handles.
const g = globalThis as unknown as { __jianbaoDb?: Db };
export const db: Db = (g.__jianbaoDb ??= openDatabase(env.DATABASE_PATH));
