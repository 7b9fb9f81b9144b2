import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db } from "@/db";
import type { Db } from "@/db/open";
import { notifications, userRoles, users, type Role } from "@/db/schema";
import type { Actor } from "./actor";

type Tx = Pick<Db, "insert" | "select">;

interface Notice {
  kind: string;
  message: string;
  itemId?: number;
  issueId?: number;
}

/** Notifies every active user of a unit (its contributors). */
export function notifyUnit(tx: Tx, unitId: number, notice: Notice): void {
  const rows = tx.select({ id: users.id }).from(users).where(and(eq(users.unitId, unitId), eq(users.active, true))).all();
  for (const r of rows) tx.insert(notifications).values({ userId: r.id, ...notice }).run();
}

/** Notifies every active holder of a role (e.g. the reviewers when an issue is sent to review). */
export function notifyRole(tx: Tx, role: Role, notice: Notice): void {
  const rows = tx
    .select({ id: users.id })
    .from(users)
    .innerJoin(userRoles, eq(userRoles.userId, users.id))
    .where(and(eq(userRoles.role, role), eq(users.active, true)))
    .all();
  for (const r of rows) tx.insert(notifications).values({ userId: r.id, ...notice }).run();
}

export function unreadCount(actor: Actor): number {
  return (
    db
      .select({ n: sql<number>`count(*)` })
      .from(notifications)
      .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)))
      .get()?.n ?? 0
  );
}

/** How many notifications the actor has, read or not (for paging). */
export function countNotifications(actor: Actor): number {
  return db.select({ n: sql<number>`count(*)` }).from(notifications).where(eq(notifications.userId, actor.id)).get()?.n ?? 0;
}

/** The actor's notifications, newest first: one page (see pageOf), or the latest 100. */
export function listNotifications(actor: Actor, page: { size: number; offset: number } = { size: 100, offset: 0 }) {
  return db.select().from(notifications).where(eq(notifications.userId, actor.id)).orderBy(desc(notifications.id)).limit(page.size).offset(page.offset).all();
}

/** Marks one of the actor's own notifications read and returns it; another person's is not found. */
export function openNotification(actor: Actor, id: number) {
  const row = db.select().from(notifications).where(and(eq(notifications.id, id), eq(notifications.userId, actor.id))).get();
  if (!row) return null;
  if (!row.readAt) db.update(notifications).set({ readAt: new Date() }).where(eq(notifications.id, id)).run();
  return row;
}

export function markAllRead(actor: Actor): void {
  db.update(notifications).set({ readAt: new Date() }).where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt))).run();
}
