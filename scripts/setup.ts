// Creates the SQLite database if needed, applies the committed migrations and, on an empty
// database, loads the demo data. Safe to run again: it changes nothing that is already there.
import path from "node:path";
import { openDatabase } from "@/db/open";

const file = process.env.DATABASE_PATH ?? "data/jianbao.sqlite";
const db = openDatabase(file, { seedDemo: (process.env.SEED_DEMO ?? "1") === "1" });
const counts = db.$client.prepare("select (select count(*) from users) users, (select count(*) from items) items, (select count(*) from issues) issues").get();
console.log(`database ready: ${path.resolve(file)}`, counts);
db.$client.close();
