export * from "./auth";
export * from "./preferences";
export * from "./personas";
export * from "./credentials";
export * from "./live-sessions";
export * from "./media";
export * from "./analytics";
export * from "./memories";
