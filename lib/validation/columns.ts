import { z } from "zod";

/*
 * What a value must be to fit the Postgres column it is stored in. Checked at the boundary, so a
 * request that cannot be stored is a 400 that says why, never a database error (a 500) that
 * would also put the request's text into the server log.
 */

/** The largest value of an `integer` (int4) column. */
export const INT4_MAX = 2_147_483_647;

/** Postgres text cannot hold U+0000: "invalid byte sequence for encoding UTF8: 0x00". */
const NO_NUL = /^[^\u0000]*$/;
export const NUL_MESSAGE = "Text cannot contain NUL (\\u0000) characters.";

export const hasNul = (value: string) => !NO_NUL.test(value);

/** A string that Postgres can store; chain .trim()/.max() as usual. */
export const storableText = (params?: { error: string }) => z.string(params).regex(NO_NUL, NUL_MESSAGE);

/** A count or offset stored in an int4 column: 0 … 2 147 483 647. */
export const int4Count = () => z.number().int().min(0).max(INT4_MAX, `At most ${INT4_MAX}.`);
