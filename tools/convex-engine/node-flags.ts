/**
 * Node flags for the engine's own process (`npm run dev`'s supervisor, the contract tests and the
 * benchmark start it with them). Each request allocates many short-lived objects (convex-test's
 * JSON round trips, undici Requests and Responses); with V8's default 16 MB young generation,
 * scavenges took ~7% of the main thread under webhook load, ~3% with 32 MB.
 */
export const ENGINE_NODE_FLAGS = ["--max-semi-space-size=32"];
