"use server";

import { z } from "zod";
import { createPersona as create, duplicatePersona as duplicate, updatePersona as update } from "@/db/queries/personas";
import { authedAction } from "@/lib/actions/safe-action";
import { AppError } from "@/lib/errors/app-error";
import { getPersonaPictureStore } from "@/lib/media/persona-pictures";
import { galleryItem } from "@/lib/personas/gallery";
import { personaIdInput, personaValuesInput, updatePersonaInput } from "@/lib/personas/schema";

export const createPersona = authedAction(personaValuesInput, (values, { user, db }) => create(db, { userId: user.id, values }));

/** A copy of a ready-made persona in the user's own list. */
export const createPersonaFromGallery = authedAction(z.strictObject({ key: z.string().max(40) }), ({ key }, { user, db }) => {
  const item = galleryItem(key);
  if (!item) throw new AppError("not_found:persona", "That ready-made persona does not exist.");
  const { key: _key, blurb: _blurb, ...values } = item;
  return create(db, { userId: user.id, values });
});

export const updatePersona = authedAction(updatePersonaInput, ({ personaId, values }, { user, db }) => update(db, { userId: user.id, personaId, values }));

export const duplicatePersona = authedAction(personaIdInput, ({ personaId }, { user, db }) => duplicate(db, { userId: user.id, personaId }));

/** Deletes the persona with its picture (also from an object store) and its documents. */
export const deletePersona = authedAction(personaIdInput, ({ personaId }, { user, db }) => getPersonaPictureStore(db).deletePersona({ userId: user.id, personaId }));
