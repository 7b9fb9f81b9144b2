import { redirect } from "next/navigation";
import type { Role } from "@/db/schema";
import { getActor } from "@/lib/auth/session";

const HOME: [Role, string][] = [
  ["editor", "/desk/inbox"],
  ["reviewer", "/review"],
  ["signer", "/review"],
  ["office", "/office"],
  ["contributor", "/items"],
  ["admin", "/admin"],
];

export default async function Home() {
  const actor = await getActor();
  if (!actor) redirect("/login");
  const home = HOME.find(([role]) => actor.roles.includes(role));
  redirect(home ? home[1] : "/forbidden");
}
