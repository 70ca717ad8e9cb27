import "server-only";
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary as commonDictionary } from "@zxcvbn-ts/language-common";
import { dictionary as englishDictionary, translations } from "@zxcvbn-ts/language-en";

/*
 * zxcvbn's score 3 is "safely unguessable": it refuses the common and breached passwords its
 * dictionaries hold ("password", "letmein123"), repeats and keyboard walks, and words taken
 * from the account's own name or email, while accepting a few uncommon words.
 */
export const MIN_PASSWORD_SCORE = 3;

const MAX_CHECKED_CHARACTERS = 40;

let estimator: ZxcvbnFactory | undefined;

// The dictionaries are a few MB: built on the first password checked, not at import.
function getEstimator(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    translations,
    graphs: adjacencyGraphs,
    dictionary: { ...commonDictionary, ...englishDictionary },
    // Its matchers grow much faster than the password: at the defaults (256 characters, 100 l33t
    // substitutions) "p@55w0rd" sixteen times cost seconds of the server's CPU per sign-up
    // (`npm run bench -- password`). A password is judged by its first 40 characters.
    maxLength: MAX_CHECKED_CHARACTERS,
    l33tMaxSubstitutions: 8,
  });
  return estimator;
}

/** Why a password is too easy to guess, in words for the form; null when it is strong enough. */
export function weakPasswordReason(password: string, userInputs: string[] = []): string | null {
  const { score, feedback } = getEstimator().check(password, userInputs.filter(Boolean));
  if (score >= MIN_PASSWORD_SCORE) return null;
  const parts = [feedback.warning || "This password is easy to guess.", ...feedback.suggestions];
  return parts.join(" ");
}
