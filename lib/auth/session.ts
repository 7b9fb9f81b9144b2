import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { Role } from "@/db/schema";
import { type Actor, hasRole } from "@/lib/data/actor";
import { AppError } from "@/lib/data/errors";
import { authOptions } from "./options";
import { loadActor } from "./users";

/** The logged-in user, with roles and unit read fresh from the database; null when not logged in. */
export async function getActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const id = session?.userId;
  return typeof id === "number" ? loadActor(id) : null;
}

/** For pages: sends a visitor to the login page, and a user without the role to a refusal page. */
export async function requirePageActor(...roles: Role[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect("/login");
  if (roles.length && !hasRole(actor, ...roles)) redirect("/forbidden");
  return actor;
}

/** For actions and route handlers: throws a typed error the caller turns into a message or status. */
export async function requireActor(...roles: Role[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) throw new AppError("unauthenticated");
  if (roles.length && !hasRole(actor, ...roles)) throw new AppError("forbidden");
  return actor;
}
