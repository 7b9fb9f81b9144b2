import type admin from "./zh-CN/admin.json";
import type archive from "./zh-CN/archive.json";
import type archiveBatch from "./zh-CN/archiveBatch.json";
import type calls from "./zh-CN/calls.json";
import type common from "./zh-CN/common.json";
import type confirm from "./zh-CN/confirm.json";
import type desk from "./zh-CN/desk.json";
import type form from "./zh-CN/form.json";
import type intake from "./zh-CN/intake.json";
import type issueKinds from "./zh-CN/issueKinds.json";
import type item from "./zh-CN/item.json";
import type office from "./zh-CN/office.json";
import type paging from "./zh-CN/paging.json";
import type pdfExport from "./zh-CN/pdfExport.json";
import type review from "./zh-CN/review.json";
import type signoff from "./zh-CN/signoff.json";
import type stats from "./zh-CN/stats.json";
import type titles from "./zh-CN/titles.json";
import type trust from "./zh-CN/trust.json";
import type { FEATURES } from "./index";

/** The zh-CN feature files by feature name (FEATURES in ./index.ts): the source of the message keys. */
type FeatureFiles = {
  admin: typeof admin;
  archive: typeof archive;
  archiveBatch: typeof archiveBatch;
  calls: typeof calls;
  common: typeof common;
  confirm: typeof confirm;
  desk: typeof desk;
  form: typeof form;
  intake: typeof intake;
  issueKinds: typeof issueKinds;
  item: typeof item;
  office: typeof office;
  paging: typeof paging;
  pdfExport: typeof pdfExport;
  review: typeof review;
  signoff: typeof signoff;
  stats: typeof stats;
  titles: typeof titles;
  trust: typeof trust;
};

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;

/**
 * The messages as next-intl sees them (global.d.ts declares them as next-intl's AppConfig
 * `Messages`): every feature file's namespaces merged, so `t("desk.nosuchkey")` fails tsc. A new
 * feature file goes into FEATURES and into FeatureFiles above; `featuresCovered` fails tsc while
 * the two lists differ.
 */
export type Messages = UnionToIntersection<FeatureFiles[keyof FeatureFiles]>;

type Feature = (typeof FEATURES)[number];
/** Compile-time check: FEATURES and FeatureFiles name the same files. */
export const featuresCovered: [Exclude<Feature, keyof FeatureFiles>, Exclude<keyof FeatureFiles, Feature>] extends [never, never] ? true : never = true;
