/* A few promise helpers over IndexedDB: enough for the turn and upload queues, no library needed. */

export const DB_NAME = "livemind-live";
const DB_VERSION = 2;
export const TURNS = "turns";
export const COUNTERS = "counters";
/** Recorded segments and frames waiting for the server, keyed by session and push order. */
export const UPLOADS = "uploads";

export function openQueueDb(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB_NAME, DB_VERSION);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(TURNS)) {
        const turns = db.createObjectStore(TURNS, { keyPath: ["sessionId", "sequenceNumber"] });
        turns.createIndex("bySession", "sessionId");
      }
      if (!db.objectStoreNames.contains(COUNTERS)) db.createObjectStore(COUNTERS, { keyPath: "sessionId" });
      if (!db.objectStoreNames.contains(UPLOADS)) db.createObjectStore(UPLOADS, { keyPath: ["sessionId", "order"] });
    };
    request.onsuccess = () => {
      // A newer page (after a deploy) upgrading the database must not wait for this one.
      request.result.onversionchange = () => request.result.close();
      resolve(request.result);
    };
    request.onerror = () => reject(request.error ?? new Error("IndexedDB open failed"));
    request.onblocked = () => reject(new Error("IndexedDB open blocked by another tab"));
  });
}

export function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
  });
}

/** Runs `work` in one transaction and resolves when it has committed. */
export function inTransaction(db: IDBDatabase, stores: string[], work: (tx: IDBTransaction) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = db.transaction(stores, "readwrite");
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error("IndexedDB transaction failed"));
    tx.onabort = () => reject(tx.error ?? new Error("IndexedDB transaction aborted"));
    work(tx);
  });
}
