/* Persona pictures: the limits the upload route enforces and the form states, and the one URL. */

export const MAX_PICTURE_BYTES = 2 * 1024 * 1024;
export const PICTURE_ACCEPT = "image/png,image/jpeg,image/webp";

/** The picture's URL; the version changes with each upload, so a replaced picture is never served from cache. */
export const personaPicturePath = (personaId: string, version: number) => `/api/personas/${personaId}/picture?v=${version}`;
