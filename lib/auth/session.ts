import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import type { Role } from "@/db/schema";
import { type Actor, hasRole } from "@/lib/data/actor";
import { AppError } from "@/lib/data/errors";
import { authOptions } from "./options";
import { loadActor } from "./users";

/**
 * The logged-in user, with roles and unit read fresh from the database; null when not logged in
 * or when the session was ended (sign-out, password reset, role change, deactivation).
 */
export async function getActor(): Promise<Actor | null> {
  return (await getSessionActor()).actor;
}

/** The actor and whether they must change their password before doing anything else. */
export async function getSessionActor(): Promise<{ actor: Actor | null; mustChangePassword: boolean }> {
  const session = await getServerSession(authOptions);
  const id = session?.userId;
  const actor = typeof id === "number" ? loadActor(id) : null;
  return { actor, mustChangePassword: Boolean(actor && session?.mustChangePassword) };
}

/** For pages: sends a visitor to the login page, and a user without the role to a refusal page. */
export async function requirePageActor(...roles: Role[]): Promise<Actor> {
  const { actor, mustChangePassword } = await getSessionActor();
  if (!actor) redirect("/login");
  if (mustChangePassword) redirect("/account/password");
  if (roles.length && !hasRole(actor, ...roles)) redirect("/forbidden");
  return actor;
}

/** For actions and route handlers: throws a typed error the caller turns into a message or status. */
export async function requireActor(...roles: Role[]): Promise<Actor> {
  const { actor, mustChangePassword } = await getSessionActor();
  if (!actor) throw new AppError("unauthenticated");
  if (mustChangePassword) throw new AppError("must_change_password");
  if (roles.length && !hasRole(actor, ...roles)) throw new AppError("forbidden");
  return actor;
}
