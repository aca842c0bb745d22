import { httpRouter } from "convex/server";
import { webhook as clerkWebhook } from "./clerk";
import { webhook as whatsAppWebhook } from "./whatsapp";

const http = httpRouter();

http.route({ path: "/webhooks/clerk", method: "POST", handler: clerkWebhook });
http.route({ path: "/webhooks/whatsapp", method: "POST", handler: whatsAppWebhook });

export default http;
