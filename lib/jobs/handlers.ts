import "server-only";
import type { JobHandlers } from "./runner";

/** Every kind of background job and what runs it. A feature adds its kind here. */
export const JOB_HANDLERS: JobHandlers = {};
