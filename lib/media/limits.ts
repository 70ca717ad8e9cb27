/* Upload limits, shared by the recorder (what it sends) and the routes (what they accept). */

export const MAX_AUDIO_SEGMENT_BYTES = 2 * 1024 * 1024;
export const MAX_FRAME_BYTES = 300 * 1024;
/** A recorded frame at most this often (ms), whatever the camera sends the model. */
export const FRAME_RECORD_INTERVAL_MS = 1000;
export const RETENTION_DAY_CHOICES = [7, 30, 90, 365] as const;

export const audioUploadPath = (sessionId: string) => `/api/live/sessions/${sessionId}/media/audio`;
export const frameUploadPath = (sessionId: string) => `/api/live/sessions/${sessionId}/media/frames`;
export const audioReplayPath = (sessionId: string) => `/api/sessions/${sessionId}/media/audio`;
export const frameReplayPath = (sessionId: string, frameId: string) => `/api/sessions/${sessionId}/media/frames/${frameId}`;
