/*
 * Every port and URL of the end-to-end setup, in one place. E2E_APP_PORT / E2E_GEMINI_DOUBLE_PORT
 * move them, so two checkouts on one machine can run the suite side by side.
 */
const portFrom = (value: string | undefined, fallback: number) => (value && /^\d+$/.test(value) ? Number(value) : fallback);

export const APP_PORT = portFrom(process.env.E2E_APP_PORT, 3100);
export const GEMINI_DOUBLE_PORT = portFrom(process.env.E2E_GEMINI_DOUBLE_PORT, 3199);

export const APP_BASE_URL = `http://localhost:${APP_PORT}`;
export const GEMINI_DOUBLE_URL = `http://localhost:${GEMINI_DOUBLE_PORT}`;
