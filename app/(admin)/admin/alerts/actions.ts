"use server";

import { revalidatePath } from "next/cache";
import { createAlertRule, updateAlertRule } from "@/db/queries/alerts";
import { adminAction } from "@/lib/actions/safe-action";
import { saveAlertRuleInput } from "@/lib/alerts/schema";

/** Creates a rule (no id) or changes one, enabling or disabling it; audited in the DAL. */
export const saveAlertRule = adminAction(saveAlertRuleInput, async ({ ruleId, ...rule }, { user, db }) => {
  const saved = ruleId
    ? await updateAlertRule(db, { actorId: user.id, ruleId, rule })
    : await createAlertRule(db, { actorId: user.id, rule });
  revalidatePath("/admin", "layout");
  return { id: saved.id };
});
