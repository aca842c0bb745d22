import type { ServerResponse } from "node:http";
import { inboundContent } from "./content-input";
import { HttpError, MEDIA_BODY_LIMIT, readJson, sendJson, type Context, type Route } from "./http";
import type { Instance, Instances } from "./instances";
import { editBody, inboundBody, playedBody, reactBody, readBody, revokeBody, scanBody } from "./schemas";
import type { WebhookDispatcher } from "./webhooks";
import { PHONE_SUFFIX } from "./wa";

/** What the phone page renders; pushed whole over SSE so the page never has to ask twice. */
export function phoneState(instance: Instance, qrLimit: number): object {
  return {
    instanceName: instance.instanceName,
    state: instance.state,
    number: instance.number,
    profileName: instance.profileName,
    qr: instance.qr ? { code: instance.qr.code, base64: instance.qr.base64, count: instance.qrCount, limit: qrLimit } : null,
    customers: [...instance.customers.values()],
    chat: instance.chat,
  };
}

/** Server-sent events per instance: every change pushes the full phone state. */
export class PhoneEvents {
  private readonly clients = new Map<string, Set<ServerResponse>>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly qrLimit: number) {
    // Comments keep idle proxies and browsers from dropping the stream.
    this.heartbeat = setInterval(() => this.each((res) => res.write(": ping\n\n")), 15_000);
    this.heartbeat.unref();
  }

  subscribe(instance: Instance, res: ServerResponse): void {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-store", connection: "keep-alive" });
    res.write("retry: 1000\n\n");
    const set = this.clients.get(instance.instanceName) ?? new Set();
    set.add(res);
    this.clients.set(instance.instanceName, set);
    res.on("close", () => set.delete(res));
    this.write(res, instance);
  }

  changed(instance: Instance): void {
    for (const res of this.clients.get(instance.instanceName) ?? []) this.write(res, instance);
  }

  stop(): void {
    clearInterval(this.heartbeat);
    this.each((res) => res.end());
    this.clients.clear();
  }

  private write(res: ServerResponse, instance: Instance): void {
    res.write(`event: state\ndata: ${JSON.stringify(phoneState(instance, this.qrLimit))}\n\n`);
  }

  private each(fn: (res: ServerResponse) => void): void {
    for (const set of this.clients.values()) for (const res of set) fn(res);
  }
}

/** Automation endpoints (no apikey: the simulator listens on loopback and stands in for a phone). */
export function simRoutes(instances: Instances, dispatcher: WebhookDispatcher, events: PhoneEvents, qrLimit: number): Route[] {
  function instanceX({ params }: Context): Instance {
    const instance = instances.get(params.instanceName);
    if (!instance) throw new HttpError(404, `No instance named "${params.instanceName}"`, false);
    return instance;
  }

  /** The phone acts only while linked, as a real phone's messages reach the business only then. */
  function openInstanceX(ctx: Context): Instance {
    const instance = instanceX(ctx);
    if (instance.state !== "open") {
      throw new HttpError(409, `The "${instance.instanceName}" instance is not connected (state: ${instance.state})`, false);
    }
    return instance;
  }

  return [
    {
      method: "GET",
      pattern: "/__sim/:instanceName/state",
      handle: (ctx) => sendJson(ctx.res, 200, phoneState(instanceX(ctx), qrLimit)),
    },
    {
      method: "GET",
      pattern: "/__sim/:instanceName/events",
      handle: (ctx) => events.subscribe(instanceX(ctx), ctx.res),
    },
    {
      method: "POST",
      pattern: "/__sim/:instanceName/connect",
      async handle(ctx) {
        const instance = instanceX(ctx);
        if (instance.state === "close") await instances.startPairing(instance);
        sendJson(ctx.res, 200, { state: instance.state });
      },
    },
    {
      method: "POST",
      pattern: "/__sim/:instanceName/scan",
      async handle(ctx) {
        const instance = instanceX(ctx);
        const body = await readJson(ctx.req, scanBody, false);
        instances.scan(instance, body);
        sendJson(ctx.res, 200, { state: instance.state, number: instance.number, wuid: `${instance.number}${PHONE_SUFFIX}` });
      },
    },
    {
      method: "POST",
      pattern: "/__sim/:instanceName/inbound",
      async handle(ctx) {
        const instance = instanceX(ctx);
        const { text: _text, media: _media, location: _location, ...body } = await readJson(ctx.req, inboundBody, false, MEDIA_BODY_LIMIT);
        sendJson(ctx.res, 201, instances.receive(instance, { ...body, content: inboundContent({ text: _text, media: _media, location: _location }) }));
      },
    },
    {
      method: "POST",
      pattern: "/__sim/:instanceName/react",
      async handle(ctx) {
        const instance = openInstanceX(ctx);
        sendJson(ctx.res, 201, instances.phone.react(instance, await readJson(ctx.req, reactBody, false)));
      },
    },
    {
      method: "POST",
      pattern: "/__sim/:instanceName/edit",
      async handle(ctx) {
        const instance = openInstanceX(ctx);
        sendJson(ctx.res, 201, instances.phone.edit(instance, await readJson(ctx.req, editBody, false)));
      },
    },
    {
      method: "POST",
      pattern: "/__sim/:instanceName/revoke",
      async handle(ctx) {
        const instance = openInstanceX(ctx);
        sendJson(ctx.res, 201, instances.phone.revoke(instance, await readJson(ctx.req, revokeBody, false)));
      },
    },
    {
      method: "POST",
      pattern: "/__sim/:instanceName/read",
      async handle(ctx) {
        const instance = openInstanceX(ctx);
        const { from } = await readJson(ctx.req, readBody, false);
        sendJson(ctx.res, 200, { read: instances.phone.read(instance, from) });
      },
    },
    {
      method: "POST",
      pattern: "/__sim/:instanceName/played",
      async handle(ctx) {
        const instance = openInstanceX(ctx);
        const { from, id } = await readJson(ctx.req, playedBody, false);
        instances.phone.played(instance, from, id);
        sendJson(ctx.res, 200, { played: id });
      },
    },
    {
      method: "GET",
      pattern: "/__sim/:instanceName/media/:mediaId",
      handle(ctx) {
        const media = instanceX(ctx).media.get(ctx.params.mediaId);
        if (!media) throw new HttpError(404, "No such file", false);
        const bytes = Buffer.from(media.base64, "base64");
        const disposition = media.fileName ? `inline; filename="${media.fileName.replace(/["\\\r\n]/g, "_")}"` : "inline";
        ctx.res.writeHead(200, { "content-type": media.mimetype, "content-length": bytes.length, "content-disposition": disposition, "cache-control": "no-store", "x-content-type-options": "nosniff" });
        ctx.res.end(bytes);
      },
    },
    {
      method: "GET",
      pattern: "/__sim/:instanceName/outbox",
      handle: (ctx) => sendJson(ctx.res, 200, { messages: instanceX(ctx).outbox }),
    },
    {
      method: "GET",
      pattern: "/__sim/:instanceName/deliveries",
      // The log outlives the instance so a test can still read what a deleted instance sent.
      handle: (ctx) => sendJson(ctx.res, 200, { deliveries: dispatcher.deliveries(ctx.params.instanceName) }),
    },
  ];
}
