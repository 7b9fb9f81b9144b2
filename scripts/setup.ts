// npm run setup: creates the SQLite database if needed, applies the committed migrations and — unless
// SEED_DEMO=0 — loads the demo data into an empty database. Safe to run again: it changes nothing
// that is already there. Starting the app never seeds (db/open.ts); with SEED_DEMO=0 the app opens
// on its first-run page (or use `npm run --silent bulletin -- create-admin`).
import path from "node:path";
import { openDatabase } from "@/db/open";
import { seedDemo } from "@/db/seed";

const file = process.env.DATABASE_PATH ?? "data/jianbao.sqlite";
const db = openDatabase(file);
if ((process.env.SEED_DEMO ?? "1") === "1" && seedDemo(db)) console.log("demo data loaded (SEED_DEMO=0 for an empty database)");
const counts = db.$client.prepare("select (select count(*) from users) users, (select count(*) from items) items, (select count(*) from issues) issues").get();
console.log(`database ready: ${path.resolve(file)}`, counts);
db.$client.close();
