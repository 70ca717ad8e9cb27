import "server-only";
import { AwsClient } from "aws4fetch";
import { env } from "@/lib/env";

/*
 * The few object operations media storage needs, on any S3-compatible endpoint (AWS S3, R2,
 * MinIO…), signed with SigV4 by aws4fetch. Path-style URLs (`endpoint/bucket/key`), which every
 * such service accepts. Keys are ours (see object-storage.ts), never a user's text.
 */

export interface S3BucketConfig {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface S3Bucket {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** null when there is no such object. */
  get(key: string): Promise<Uint8Array | null>;
  delete(key: string): Promise<void>;
}

export function s3Bucket(config: S3BucketConfig): S3Bucket {
  const client = new AwsClient({ accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey, region: config.region, service: "s3" });
  const base = `${config.endpoint.replace(/\/$/, "")}/${encodeURIComponent(config.bucket)}/`;
  const url = (key: string) => base + key.split("/").map(encodeURIComponent).join("/");
  const fail = async (response: Response, what: string): Promise<never> => {
    await response.body?.cancel();
    // The status only: an S3 error body can echo the request.
    throw new Error(`object store: ${what} answered ${response.status}`);
  };
  return {
    async put(key, bytes, contentType) {
      const response = await client.fetch(url(key), { method: "PUT", body: bytes as Uint8Array<ArrayBuffer>, headers: { "content-type": contentType } });
      if (!response.ok) await fail(response, "put");
      await response.body?.cancel();
    },
    async get(key) {
      const response = await client.fetch(url(key));
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (!response.ok) await fail(response, "get");
      return new Uint8Array(await response.arrayBuffer());
    },
    async delete(key) {
      const response = await client.fetch(url(key), { method: "DELETE" });
      // Deleting what is already gone is done.
      if (!response.ok && response.status !== 404) await fail(response, "delete");
      await response.body?.cancel();
    },
  };
}

export function s3BucketFromEnv(): S3Bucket {
  // lib/env.ts refuses MEDIA_STORAGE=s3 without these.
  return s3Bucket({ endpoint: env.S3_ENDPOINT!, bucket: env.S3_BUCKET!, region: env.S3_REGION, accessKeyId: env.S3_ACCESS_KEY_ID!, secretAccessKey: env.S3_SECRET_ACCESS_KEY! });
}
