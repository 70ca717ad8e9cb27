/** Every port and URL of the end-to-end setup, in one place. */
export const APP_PORT = 3100;
export const GEMINI_DOUBLE_PORT = 3199;

export const APP_BASE_URL = `http://localhost:${APP_PORT}`;
export const GEMINI_DOUBLE_URL = `http://localhost:${GEMINI_DOUBLE_PORT}`;
