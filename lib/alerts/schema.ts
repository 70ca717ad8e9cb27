import { z } from "zod";
import { storableText } from "@/lib/validation/columns";
import { ALERT_METRICS } from "./metrics";

/** An alert rule as an admin writes it: bounded so nothing reaching the database can fail there. */
export const alertRuleInput = z.object({
  name: storableText().trim().min(1, "Give the rule a name.").max(120, "At most 120 characters."),
  metric: z.enum(ALERT_METRICS),
  threshold: z.number().finite().min(0, "At least 0.").max(1e12, "Too large."),
  windowMinutes: z.number().int().min(1, "At least 1 minute.").max(10_080, "At most 7 days (10080 minutes)."),
  minSamples: z.number().int().min(1, "At least 1.").max(1_000_000, "At most 1,000,000."),
  enabled: z.boolean(),
});

export const saveAlertRuleInput = alertRuleInput.extend({ ruleId: z.uuid().nullable() });
export type SaveAlertRuleInput = z.infer<typeof saveAlertRuleInput>;
