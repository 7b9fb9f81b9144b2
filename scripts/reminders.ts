// npm run --silent reminders -- run-due      sends whatever reminder is due and unsent, then exits
// npm run --silent reminders -- list         the stored schedule
// Same code as the server's scheduler, so it can run from cron when the in-process one is off
// (REMINDER_INTERVAL_SECONDS=0); running both at once sends nothing twice.
import { db } from "@/db";
import { runDueReminders } from "@/lib/data/reminders";
import { mailerFromEnv, reminderOffsetsHours } from "@/lib/mail";

async function main() {
  const cmd = process.argv[2];
  if (cmd === "run-due") {
    const sent = await runDueReminders(db, Date.now(), { offsetsHours: reminderOffsetsHours(), mailer: mailerFromEnv() });
    for (const s of sent) console.log(`${s.key}: ${s.unitIds.length} units, ${s.notified} notices, ${s.emailed} e-mails`);
    console.log(`${sent.length} reminders sent`);
  } else if (cmd === "list") {
    console.table(db.$client.prepare("select id, key, datetime(due_at / 1000, 'unixepoch') as due, datetime(sent_at / 1000, 'unixepoch') as sent, units_reminded from reminders order by due_at").all());
  } else {
    console.error("usage: reminders run-due | list");
    process.exitCode = 2;
  }
}
main();
