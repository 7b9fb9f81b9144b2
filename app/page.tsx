import { redirect } from "next/navigation";
import type { Role } from "@/db/schema";
import { getSessionActor } from "@/lib/auth/session";
import { needsFirstRun } from "@/lib/data/first-run";

const HOME: [Role, string][] = [
  ["editor", "/desk/inbox"],
  ["reviewer", "/review"],
  ["signer", "/review"],
  ["office", "/office"],
  ["contributor", "/items"],
  ["admin", "/admin"],
];

export default async function Home() {
  if (needsFirstRun()) redirect("/first-run");
  const { actor, mustChangePassword } = await getSessionActor();
  if (!actor) redirect("/login");
  if (mustChangePassword) redirect("/account/password");
  const home = HOME.find(([role]) => actor.roles.includes(role));
  redirect(home ? home[1] : "/forbidden");
}
