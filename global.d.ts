import type { Locale } from "@/lib/i18n/config";
import type { Messages } from "@/lib/i18n/messages/types";

// Typed next-intl keys: a message key that no zh-CN feature file holds fails tsc.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
