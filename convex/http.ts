import { httpRouter } from "convex/server";
import { webhook as clerkWebhook } from "./clerk";

const http = httpRouter();

http.route({ path: "/webhooks/clerk", method: "POST", handler: clerkWebhook });

export default http;
