import type { Role } from "@/db/schema";
import { AppError } from "./errors";

/** Who is acting: loaded fresh from the database for every request, never trusted from the client. */
export interface Actor {
  id: number;
  username: string;
  displayName: string;
  roles: Role[];
  unitId: number | null;
}

export function hasRole(actor: Actor, ...roles: Role[]): boolean {
  return roles.some((r) => actor.roles.includes(r));
}

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!hasRole(actor, ...roles)) throw new AppError("forbidden");
}
