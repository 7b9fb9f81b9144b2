import { readAuditEvent } from "@/lib/data/audit-events";

/** One readable line of an audit row's detail: a message key under "auditDetail" and its values. */
export interface DetailLine {
  key: string;
  values: Record<string, string | number>;
}

const short = (fp: string) => fp.slice(0, 12);
const list = (a: readonly string[]) => (a.length ? a.join("、") : "—");
const orDash = (s: string | null | undefined) => (s === null || s === undefined || s === "" ? "—" : s);

/**
 * An issue as its audit row names it: by the stored `label` (2026年增刊第1期, 2026年专刊第1期,
 * 2026年第3-4期合刊) with 总期号 for the issues that carry one (not a supplement), then the date. Rows written before
 * the label was stored: a 合刊 by both numbers, a supplement without 总期号 (its name, 增刊 or 专刊,
 * was not recorded), a regular issue as before.
 */
function issueNamed(d: { year: number; number: number; totalNumber: number; date: string; kind?: string; numberEnd?: number | null; totalNumberEnd?: number | null; label?: string }): DetailLine {
  // A supplement keeps no running number (its totalNumber is 0).
  const untotalled = d.kind === "supplement" || d.totalNumber <= 0;
  const total = d.totalNumberEnd ? `${d.totalNumber}-${d.totalNumberEnd}` : String(d.totalNumber);
  if (d.label) return untotalled ? { key: "issue_named_untotalled", values: { label: d.label, date: d.date } } : { key: "issue_named", values: { label: d.label, total, date: d.date } };
  if (d.kind === "supplement") return { key: "supplement_unnamed", values: { year: d.year, number: d.number, date: d.date } };
  if (d.kind === "double" && d.numberEnd) return { key: "double_meta", values: { number: d.number, end: d.numberEnd, total, date: d.date } };
  return { key: "meta", values: { number: d.number, total: d.totalNumber, date: d.date } };
}

/**
 * What an audit row says, as readable lines — what changed, from what to what — read through the
 * row's typed event (audit-events.ts). `roleName` turns a role key into its name. Returns null when
 * the row is of no known kind or its detail does not match (the page then shows it raw).
 */
export function describeAuditDetail(row: { entity: string; action: string; detail: unknown }, roleName: (r: string) => string): DetailLine[] | null {
  const e = readAuditEvent(row);
  if (!e) return null;
  if (e.detail === null) return row.detail == null ? [] : null;
  const L = (key: string, values: DetailLine["values"] = {}): DetailLine => ({ key, values });
  const change = (field: string, from: string, to: string) => L("change", { field, from: orDash(from), to: orDash(to) });
  switch (e.key) {
    case "publication.publication_updated": {
      const d = e.detail;
      const out: DetailLine[] = [];
      if (d.title) out.push(change("pub_title", d.title.from, d.title.to));
      if (d.office) out.push(change("pub_office", d.office.from, d.office.to));
      if (d.mailbox) out.push(change("pub_mailbox", d.mailbox.from, d.mailbox.to));
      if (d.defaultEditorName) out.push(change("pub_defaultEditorName", d.defaultEditorName.from, d.defaultEditorName.to));
      if (d.defaultReviewerName) out.push(change("pub_defaultReviewerName", d.defaultReviewerName.from, d.defaultReviewerName.to));
      if (d.distribution) out.push(change("pub_distribution", list(d.distribution.from), list(d.distribution.to)));
      if (d.signoffLevels) out.push(change("pub_signoffLevels", String(d.signoffLevels.from), String(d.signoffLevels.to)));
      return out.length ? out : [L("nothing_changed")];
    }
    case "unit.unit_updated": {
      const { from, to } = e.detail;
      const out: DetailLine[] = [];
      if (from.name !== to.name) out.push(change("unit_name", from.name, to.name));
      if (from.kind !== to.kind) out.push(L("unit_kind_change", { from: from.kind, to: to.kind }));
      return out.length ? out : [L("nothing_changed")];
    }
    case "unit.unit_created":
      return [L("unit", { name: e.detail.name })];
    case "unit.unit_reactivated":
    case "unit.unit_deactivated":
    case "unit.unit_confirmed":
      return [L("unit", { name: e.detail.name })];
    case "unit.unit_merged":
      return [L("unit_merged", { from: e.detail.from, into: e.detail.into, items: e.detail.items.length, users: e.detail.users.length })];
    case "user.user_created":
      return [L("user_created", { username: e.detail.username, roles: list(e.detail.roles.map(roleName)) })];
    case "user.user_updated": {
      const { from, to } = e.detail;
      const out: DetailLine[] = [];
      if (from.displayName !== to.displayName) out.push(change("user_displayName", from.displayName, to.displayName));
      const r = (a: readonly string[]) => list(a.map(roleName));
      if (r(from.roles) !== r(to.roles)) out.push(change("user_roles", r(from.roles), r(to.roles)));
      if ((from.email ?? null) !== (to.email ?? null)) out.push(change("user_email", from.email ?? "", to.email ?? ""));
      if (from.unitId !== to.unitId) out.push(change("user_unit", from.unitId === null ? "" : `#${from.unitId}`, to.unitId === null ? "" : `#${to.unitId}`));
      return out.length ? out : [L("nothing_changed")];
    }
    case "user.user_reactivated":
    case "user.user_deactivated":
    case "user.login_throttle_lifted":
      return [L("username", { username: e.detail.username })];
    case "user.first_admin_created":
      return [L("username", { username: e.detail.username })];
    case "publication.section_added":
    case "publication.section_hidden":
    case "publication.section_shown":
    case "publication.section_removed":
      return [L("section", { title: e.detail.title })];
    case "publication.section_renamed":
      return [change("section_title", e.detail.from, e.detail.to)];
    case "publication.section_moved":
      return [L(e.detail.direction === "up" ? "section_up" : "section_down", { title: e.detail.title })];
    case "issue.edit": {
      const d = e.detail;
      switch (d.action) {
        case "place":
          return [L("placed", { item: d.itemId, section: d.sectionTitle || "—" })];
        case "move":
          return [L("moved", { item: d.itemId, index: d.index + 1 })];
        case "unplace":
          return [L("unplaced", { item: d.itemId })];
        case "moveSection":
          // Rows written before the log named the section carry only the new place.
          return d.from === undefined ? [L("section_moved_to", { index: d.index + 1 })] : [L("section_moved_named", { title: d.title || "—", from: d.from + 1, to: d.index + 1 })];
        case "addSection":
          return [L("section", { title: d.title || "—" })];
        case "removeSection":
          return [L("section_removed")];
        case "placement":
          return [L("placement", { item: d.itemId, toc: d.inToc ? "yes" : "no", tocTitle: orDash(d.tocTitle), source: orDash(d.sourceOverride) })];
        case "footer":
          return [L("footer", { mailbox: orDash(d.mailbox), editor: orDash(d.editorName), reviewer: orDash(d.reviewerName), distribution: list(d.distribution) })];
        case "meta":
          return [issueNamed(d)];
        case "item_text": {
          const out = [L("item_text", { item: d.itemId, title: d.title })];
          if (d.titleFrom !== undefined) out.push(change("item_title", d.titleFrom, d.title));
          if (d.bodyChanged) out.push(L("body_changed"));
          return out;
        }
        case "title_breaks":
          return [L("title_breaks_issue", { item: d.itemId, lines: d.lines.join(" / ") })];
      }
      return null;
    }
    case "issue.create":
      return [issueNamed(e.detail)];
    case "issue.send_to_review":
      return [L("fingerprint", { fp: short(e.detail.fingerprint) })];
    case "issue.return":
      return [L("reason", { text: e.detail.comment })];
    case "issue.review":
    case "issue.approve":
    case "issue.sign":
      return [L(e.detail.level === 2 ? "level_sign" : "level_review", { round: e.detail.round, fp: short(e.detail.fingerprint) })];
    case "issue.reopen":
    case "issue.void":
      return [L("voided", { by: orDash(e.detail.voidedApproval.by) })];
    case "issue.distribute":
      return [L("distributed", { date: e.detail.date, distribution: list(e.detail.distribution), fp: short(e.detail.fingerprint) })];
    case "issue.correct":
      return [L("reason", { text: e.detail.note }), change("fingerprint_change", short(e.detail.fromFingerprint), short(e.detail.fingerprint))];
    case "issue.export":
      return [L(e.detail.draft ? "export_draft" : "export", { format: e.detail.format })];
    case "issue.import":
      return [L("imported", { origin: e.detail.origin, items: e.detail.items, units: list(e.detail.unitsCreated) })];
    case "issue.comment":
    case "issue.reply":
      return [L("comment", { text: e.detail.body })];
    case "issue.resolve_comment":
    case "issue.reopen_comment":
      return [];
    case "item.edit": {
      const d = e.detail;
      if (!d.title && !d.bodyChars) return [L("item_version", { version: d.version, chars: d.chars })];
      const out = [L("item_version_only", { version: d.version })];
      if (d.title) out.push(change("item_title", d.title.from, d.title.to));
      if (d.bodyChars) out.push(L("body_chars", { from: d.bodyChars.from, to: d.bodyChars.to }));
      return out;
    }
    case "item.submit":
    case "item.withdraw":
    case "item.accept":
    case "item.return":
    case "item.decline":
      return e.detail?.note ? [L("reason", { text: e.detail.note })] : [];
    case "item.place":
    case "item.unplace":
    case "item.publish":
      return [L("in_issue", { issue: e.detail.issueId })];
    case "item.delete":
      return [L("deleted_draft", { title: orDash(e.detail.title) })];
    case "item.import":
      return [L("imported_item", { origin: e.detail.origin })];
    case "item.title_breaks":
      return [L(e.detail.breaks.length ? "title_breaks" : "title_breaks_auto", { lines: e.detail.lines.join(" / ") })];
    case "auth.login":
      return [L("ip", { ip: e.detail.ip })];
    case "auth.login_failed":
      return [L("login_failed", { username: e.detail.username, ip: e.detail.ip })];
    case "publication.call_publish":
      return [L("call", { topic: e.detail.topic, deadline: e.detail.deadline.slice(0, 16).replace("T", " ") })];
    case "publication.call_close":
      return [L("call", { topic: e.detail.topic, deadline: "—" })];
    case "publication.guidance_update":
      return [change("guidance", e.detail.before, e.detail.after)];
    case "publication.remind_now":
    case "issue.remind_now":
      return [L("reminded", { units: e.detail.units.length })];
    case "issue.register_correct":
      return [L("register_correct", { reason: e.detail.reason, fields: list(e.detail.changed) })];
    case "item.instruction":
      return [L("instruction", { leader: e.detail.leader, level: e.detail.level, date: e.detail.date })];
    case "item.instruction_removed":
      return [L("instruction", { leader: e.detail.leader, level: "—", date: e.detail.date })];
    case "item.forward":
      return [L("forward", { target: e.detail.target, date: e.detail.date, used: e.detail.used ? e.detail.usedDate ?? "✓" : "—" })];
    case "item.forward_removed":
      return [L("forward", { target: e.detail.target, date: "—", used: "—" })];
    case "publication.scoring_rules": {
      const { effectiveFrom, replaced, ...rules } = e.detail;
      return [L("scoring_rules", { from: effectiveFrom, rules: Object.entries(rules)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join("，"), replaced: replaced ? "✓" : "—" })];
    }
    case "unit.alias_added":
      return [L("alias", { alias: e.detail.alias, unit: e.detail.unit })];
    case "unit.alias_removed":
      return [L("alias_removed", { alias: e.detail.alias })];
    case "publication.update_numbering": {
      const d = e.detail;
      const out = [L("numbering", { numerals: d.numerals === "chinese" ? "第二十一期" : "第21期", brackets: d.yearBrackets ? "〔2023〕" : "—" })];
      if (d.lastPublishedYear !== null) out.push(L("last_published", { year: d.lastPublishedYear, number: d.lastPublishedNumber ?? "—", total: d.lastPublishedTotal ?? "—" }));
      return out;
    }
    case "publication.word_list_entry_added":
    case "publication.word_list_entry_removed":
      return [L(`word_list_${e.detail.list}`, { term: e.detail.term, replacement: orDash(e.detail.replacement) })];
    case "publication.word_list_entry_updated":
      return [
        L(`word_list_${e.detail.from.list}`, { term: e.detail.from.term, replacement: orDash(e.detail.from.replacement) }),
        L(`word_list_${e.detail.to.list}`, { term: e.detail.to.term, replacement: orDash(e.detail.to.replacement) }),
      ];
    case "item.create":
    case "user.password_reset":
    case "user.password_changed":
      return [];
  }
}

/**
 * A detail line's values with every calendar date (a value that is exactly yyyy-mm-dd, as the rows
 * store 出刊日期, 印发日期, 批示 dates …) written by `day` — the page passes the locale's date
 * format, so the Chinese log reads 2023年9月8日, not 2023-09-08. Other values are left as they are.
 */
export function withDatesIn(values: Record<string, string | number>, day: (iso: string) => string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(values)) out[k] = typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? day(v) : v;
  return out;
}
