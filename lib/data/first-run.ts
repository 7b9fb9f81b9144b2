import "server-only";
import bcrypt from "bcryptjs";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db";
import { DEMO_USERS, DEMO_PASSWORD } from "@/db/seed";
import { publications, userRoles, users } from "@/db/schema";
import { passwordSchema } from "@/lib/auth/password";
import { textLine } from "@/lib/text/rule";
import { audit } from "./audit";
import { AppError } from "./errors";

/** True while the database has no user: the app opens on the first-run page (SEED_DEMO=0 start). */
export function needsFirstRun(): boolean {
  return !db.select({ id: users.id }).from(users).limit(1).get();
}

/** The demo logins to show on every page while the demo publication is loaded, or null. */
export function demoNotice(): { logins: string[]; password: string } | null {
  const pub = db.select({ demo: publications.demo }).from(publications).where(sql`${publications.demo} = 1`).limit(1).get();
  return pub ? { logins: DEMO_USERS.map((u) => u.username), password: DEMO_PASSWORD } : null;
}

export const firstRunSchema = z
  .object({
    username: textLine({ label: "用户名", max: 64, required: "username_required", tooLong: "username_invalid" }).pipe(
      z.string().regex(/^[A-Za-z0-9_.-]+$/, { error: "username_invalid" }),
    ),
    displayName: textLine({ label: "姓名", max: 40, required: "display_name_required", noMarkup: true }),
    password: passwordSchema,
    confirm: z.string().max(1000),
    title: textLine({ label: "刊物名称", max: 40, required: "pub_title_required", noMarkup: true }),
    office: textLine({ label: "编印单位", max: 60, required: "office_required", noMarkup: true }),
  })
  .strict()
  .refine((v) => v.password === v.confirm, { message: "password_mismatch", path: ["confirm"] });

/**
 * Creates the first admin (with the password they chose: no published password works) and the
 * publication, in one IMMEDIATE transaction that refuses when any user exists already — the page
 * and `bulletin create-admin` can only ever do this once.
 */
export function createFirstAdmin(raw: z.input<typeof firstRunSchema>): { userId: number; publicationId: number } {
  const input = firstRunSchema.parse(raw);
  if (input.password === DEMO_PASSWORD) throw new AppError("password_demo", {}, "password");
  const passwordHash = bcrypt.hashSync(input.password, 10);
  return db.transaction(
    (tx) => {
      if (tx.select({ id: users.id }).from(users).limit(1).get()) throw new AppError("not_allowed_now");
      const pub =
        tx.select({ id: publications.id }).from(publications).limit(1).get() ??
        tx.insert(publications).values({ title: input.title, office: input.office }).returning({ id: publications.id }).get();
      const u = tx.insert(users).values({ username: input.username, displayName: input.displayName, passwordHash }).returning({ id: users.id }).get();
      tx.insert(userRoles).values({ userId: u.id, role: "admin" }).run();
      audit(tx, null, { entity: "user", entityId: u.id, action: "first_admin_created", detail: { username: input.username, publication: input.title } });
      return { userId: u.id, publicationId: pub.id };
    },
    { behavior: "immediate" },
  );
}
