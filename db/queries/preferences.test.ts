import { expect, it } from "vitest";
import { createTestUser } from "../test/fixtures";
import { describeEachDriver } from "../test/drivers";
import { getPreferences, updatePreferences } from "./preferences";

describeEachDriver("preferences queries", ({ db }) => {
  it("gives a user who never saved anything the defaults", async () => {
    const { id } = await createTestUser(db());
    expect(await getPreferences(db(), { userId: id })).toEqual({
      defaultVoice: "Zephyr",
      cameraEnabled: false,
      micEnabled: true,
      memoryEnabled: true,
      saveAudio: false,
      saveVideoFrames: false,
      mediaRetentionDays: 30,
      updatedAt: null,
    });
  });

  it("returns what was saved, and a second save replaces the first", async () => {
    const { id } = await createTestUser(db());
    const saved = await updatePreferences(db(), {
      userId: id,
      values: { defaultVoice: "Kore", cameraEnabled: true, micEnabled: false },
    });
    expect(saved).toMatchObject({ defaultVoice: "Kore", cameraEnabled: true, micEnabled: false });
    expect(saved.updatedAt).toBeInstanceOf(Date);

    await updatePreferences(db(), { userId: id, values: { defaultVoice: "Puck", cameraEnabled: false, micEnabled: true } });
    const read = await getPreferences(db(), { userId: id });
    expect(read).toMatchObject({ defaultVoice: "Puck", cameraEnabled: false, micEnabled: true, mediaRetentionDays: 30 });
    expect(read.updatedAt!.getTime()).toBeGreaterThanOrEqual(saved.updatedAt!.getTime());
  });

  it("keeps the voice picked on Live without touching the other defaults", async () => {
    const { id } = await createTestUser(db());
    await updatePreferences(db(), { userId: id, values: { defaultVoice: "Charon" } });
    expect(await getPreferences(db(), { userId: id })).toMatchObject({ defaultVoice: "Charon", cameraEnabled: false, micEnabled: true, saveAudio: false, mediaRetentionDays: 30 });

    await updatePreferences(db(), { userId: id, values: { saveAudio: true, saveVideoFrames: false, mediaRetentionDays: 7 } });
    await updatePreferences(db(), { userId: id, values: { defaultVoice: "Kore" } });
    expect(await getPreferences(db(), { userId: id })).toMatchObject({ defaultVoice: "Kore", saveAudio: true, mediaRetentionDays: 7 });
  });

  it("never touches another user's row", async () => {
    const a = await createTestUser(db(), { name: "Ada" });
    const b = await createTestUser(db(), { name: "Bo" });
    await updatePreferences(db(), { userId: b.id, values: { defaultVoice: "Leda", cameraEnabled: false, micEnabled: true } });

    await updatePreferences(db(), { userId: a.id, values: { defaultVoice: "Orus", cameraEnabled: true, micEnabled: false } });

    expect(await getPreferences(db(), { userId: b.id })).toMatchObject({
      defaultVoice: "Leda",
      cameraEnabled: false,
      micEnabled: true,
    });
    expect(await getPreferences(db(), { userId: a.id })).toMatchObject({ defaultVoice: "Orus" });
  });

  it("refuses preferences for a user that does not exist", async () => {
    await expect(
      updatePreferences(db(), { userId: "no-such-user", values: { defaultVoice: "Zephyr", cameraEnabled: false, micEnabled: true } }),
    ).rejects.toThrow();
  });
});
