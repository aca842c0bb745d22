import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { storedMedia } from "./content-input";
import { HttpError, MEDIA_BODY_LIMIT, readJson, sendJson, type Context, type Route } from "./http";
import type { Instance, Instances } from "./instances";
import { createInstanceBody, mediaMessageBody, sendMediaBody, sendTextBody, setWebhookBody, toWebhookConfig } from "./schemas";
import { digitsOf, PHONE_SUFFIX, protoLong } from "./wa";

/** The Evolution API v2 routes SpinDesk's gateway calls, with Evolution's shapes and status codes. */
export function apiRoutes(instances: Instances, apiKey: string): Route[] {
  /** Evolution accepts the global key anywhere and an instance's own token (its `hash`) on that instance's routes. */
  function authorizeX(req: IncomingMessage, instanceName?: string): void {
    const key = req.headers.apikey;
    if (typeof key === "string" && key !== "") {
      if (key === apiKey) return;
      if (instanceName !== undefined && instances.get(instanceName)?.hash === key) return;
    }
    throw new HttpError(401, "Unauthorized");
  }

  function instanceX({ req, params }: Context): Instance {
    authorizeX(req, params.instanceName);
    return instances.getX(params.instanceName);
  }

  return [
    {
      method: "POST",
      pattern: "/instance/create",
      async handle({ req, res }) {
        authorizeX(req);
        const body = await readJson(req, createInstanceBody);
        const instance = instances.create({
          instanceName: body.instanceName,
          webhook: body.webhook ? toWebhookConfig(body.webhook) : null,
          token: body.token,
          number: body.number,
        });
        if (body.qrcode) await instances.startPairing(instance);
        sendJson(res, 201, {
          instance: {
            instanceName: instance.instanceName,
            instanceId: instance.instanceId,
            integration: instance.integration,
            webhookWaBusiness: null,
            accessTokenWaBusiness: "",
            status: instance.state,
          },
          hash: instance.hash,
          webhook: {
            webhookUrl: body.webhook?.url,
            webhookHeaders: body.webhook?.headers,
            webhookByEvents: body.webhook?.byEvents,
            webhookBase64: body.webhook?.base64,
          },
          websocket: {},
          rabbitmq: {},
          sqs: {},
          settings: {
            rejectCall: false,
            msgCall: "",
            groupsIgnore: false,
            alwaysOnline: false,
            readMessages: false,
            readStatus: false,
            syncFullHistory: false,
          },
          qrcode: body.qrcode ? qrCodeOf(instance) : undefined,
        });
      },
    },
    {
      method: "GET",
      pattern: "/instance/fetchInstances",
      handle({ req, res, url }) {
        authorizeX(req);
        const name = url.searchParams.get("instanceName");
        const list = instances.list().filter((instance) => name === null || instance.instanceName === name);
        sendJson(res, 200, list.map(instanceInfo));
      },
    },
    {
      method: "GET",
      pattern: "/instance/connect/:instanceName",
      async handle(ctx) {
        const instance = instanceX(ctx);
        if (instance.state === "open") {
          sendJson(ctx.res, 200, { instance: { instanceName: instance.instanceName, state: "open" } });
          return;
        }
        if (instance.state === "close") {
          const number = ctx.url.searchParams.get("number");
          if (number) instance.pairingNumber = digitsOf(number);
          await instances.startPairing(instance);
        }
        sendJson(ctx.res, 200, qrCodeOf(instance));
      },
    },
    {
      method: "GET",
      pattern: "/instance/connectionState/:instanceName",
      handle(ctx) {
        const instance = instanceX(ctx);
        sendJson(ctx.res, 200, { instance: { instanceName: instance.instanceName, state: instance.state } });
      },
    },
    {
      method: "DELETE",
      pattern: "/instance/logout/:instanceName",
      handle(ctx) {
        instances.logout(instanceX(ctx));
        sendJson(ctx.res, 200, { status: "SUCCESS", error: false, response: { message: "Instance logged out" } });
      },
    },
    {
      method: "DELETE",
      pattern: "/instance/delete/:instanceName",
      handle(ctx) {
        instances.remove(instanceX(ctx));
        sendJson(ctx.res, 200, { status: "SUCCESS", error: false, response: { message: "Instance deleted" } });
      },
    },
    {
      method: "POST",
      pattern: "/webhook/set/:instanceName",
      async handle(ctx) {
        const instance = instanceX(ctx);
        const body = await readJson(ctx.req, setWebhookBody);
        instance.webhook = toWebhookConfig(body.webhook);
        sendJson(ctx.res, 201, webhookRecord(instance));
      },
    },
    {
      method: "GET",
      pattern: "/webhook/find/:instanceName",
      handle(ctx) {
        const instance = instanceX(ctx);
        sendJson(ctx.res, 200, instance.webhook ? webhookRecord(instance) : null);
      },
    },
    {
      method: "POST",
      pattern: "/message/sendText/:instanceName",
      async handle(ctx) {
        const instance = instanceX(ctx);
        const body = await readJson(ctx.req, sendTextBody);
        sendJson(ctx.res, 201, instances.send(instance, body.number, { kind: "text", text: body.text }, body.quoted?.key.id));
      },
    },
    {
      method: "POST",
      pattern: "/message/sendMedia/:instanceName",
      async handle(ctx) {
        const instance = instanceX(ctx);
        const body = await readJson(ctx.req, sendMediaBody, true, MEDIA_BODY_LIMIT);
        const media = storedMedia({ type: body.mediatype, base64: body.media, mimetype: body.mimetype, fileName: body.fileName });
        const caption = body.caption === "" ? undefined : body.caption;
        sendJson(ctx.res, 201, instances.send(instance, body.number, { kind: "media", media, caption }, body.quoted?.key.id));
      },
    },
    {
      method: "POST",
      pattern: "/chat/getBase64FromMediaMessage/:instanceName",
      async handle(ctx) {
        const instance = instanceX(ctx);
        const body = await readJson(ctx.req, mediaMessageBody);
        sendJson(ctx.res, 201, mediaOfMessage(instance, body.message.key.id));
      },
    },
  ];
}

/** Evolution's getBase64FromMediaMessage answer; a message without a file is its 400 ("not a media message"). */
function mediaOfMessage(instance: Instance, id: string): object {
  const entry = instance.chat.find((candidate) => candidate.id === id);
  const media = entry?.media ? instance.media.get(entry.media.id) : undefined;
  if (!entry || !media) throw new HttpError(400, [`Error: The message "${id}" is not a media message`]);
  const extension = media.mimetype.split(";")[0].split("/")[1] ?? "bin";
  return {
    mediaType: `${media.mediaType}Message`,
    fileName: media.fileName ?? `${id}.${extension}`,
    caption: entry.text || undefined,
    size: { fileLength: protoLong(media.size), height: media.height, width: media.width },
    mimetype: media.mimetype,
    base64: media.base64,
    buffer: null,
  };
}

/** Evolution's `qrCode` getter: fields are absent (not null) while no QR is showing. */
function qrCodeOf(instance: Instance): object {
  return {
    pairingCode: instance.qr?.pairingCode ?? null,
    code: instance.qr?.code,
    base64: instance.qr?.base64,
    count: instance.qrCount,
  };
}

function webhookRecord(instance: Instance): object | null {
  const webhook = instance.webhook;
  if (!webhook) return null;
  return {
    id: randomUUID(),
    url: webhook.url,
    headers: webhook.headers,
    enabled: webhook.enabled,
    events: webhook.events,
    webhookByEvents: webhook.byEvents,
    webhookBase64: webhook.base64,
    updatedAt: new Date().toISOString(),
    instanceId: instance.instanceId,
  };
}

function instanceInfo(instance: Instance): object {
  return {
    id: instance.instanceId,
    name: instance.instanceName,
    connectionStatus: instance.state,
    ownerJid: instance.number ? `${instance.number}${PHONE_SUFFIX}` : null,
    profileName: instance.state === "open" ? instance.profileName : null,
    profilePicUrl: null,
    integration: instance.integration,
    number: instance.pairingNumber,
    token: instance.hash,
    createdAt: instance.createdAt,
  };
}
