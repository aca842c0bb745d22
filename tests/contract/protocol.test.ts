import { afterAll, describe, expect, it } from "vitest";
import { newMember, setUpContractEngine } from "./harness";
import { RawSocket } from "./raw-socket";

const env = setUpContractEngine({ withProbe: true });
const sockets: RawSocket[] = [];

afterAll(async () => {
  for (const socket of sockets) socket.close();
});

async function open(sessionId: string): Promise<RawSocket> {
  const socket = await RawSocket.open(env.engine.url, sessionId);
  sockets.push(socket);
  return socket;
}

describe("sync protocol", () => {
  it("replays the answer to a mutation re-sent after a reconnect instead of running it again", async () => {
    const member = newMember("org:admin");
    const token = await env.issuer.sign(member);
    const provision = { type: "Mutation", requestId: 0, udfPath: "viewer:provision", args: [{}] };
    // probe:scheduleAudit answers a fresh job id each time it runs: the same id means it ran once.
    const schedule = {
      type: "Mutation",
      requestId: 1,
      udfPath: "probe:scheduleAudit",
      args: [{ orgExternalId: member.org_id, action: "probe.once", delayMs: 3_600_000 }],
    };
    const first = await open("session-replay");
    first.send({ type: "Authenticate", tokenType: "User", value: token, baseVersion: 0 });
    first.send(provision);
    first.send(schedule);
    expect(await first.next("MutationResponse")).toMatchObject({ requestId: 0, success: true });
    const answered = await first.next("MutationResponse");
    expect(answered).toMatchObject({ requestId: 1, success: true });
    first.close();

    const second = await open("session-replay");
    second.send({ type: "Authenticate", tokenType: "User", value: token, baseVersion: 0 });
    second.send(schedule);
    expect(await second.next("MutationResponse")).toEqual(answered);
  });

  it("bumps the identity version with every Authenticate, and each Transition starts where the last one ended", async () => {
    const socket = await open("session-versions");
    socket.send({ type: "Authenticate", tokenType: "None", baseVersion: 0 });
    const first = await socket.next("Transition");
    socket.send({ type: "Authenticate", tokenType: "User", value: await env.issuer.sign(newMember()), baseVersion: 1 });
    const second = await socket.next("Transition");

    expect(first.startVersion).toMatchObject({ querySet: 0, identity: 0, ts: "AAAAAAAAAAA=" });
    expect(first.endVersion).toMatchObject({ identity: 1 });
    expect(second.startVersion).toEqual(first.endVersion);
    expect(second.endVersion).toMatchObject({ identity: 2 });
  });

  it("answers a token it cannot verify with an AuthError echoing the base version, then closes", async () => {
    const socket = await open("session-bad-token");
    socket.send({ type: "Authenticate", tokenType: "User", value: await env.issuer.sign(newMember(), { expired: true }), baseVersion: 0 });

    expect(await socket.next("AuthError")).toMatchObject({ baseVersion: 0, authUpdateAttempted: true, error: "Token expired." });
    await socket.whenClosed();
  });

  it("refuses admin keys with an AuthError", async () => {
    const socket = await open("session-admin");
    socket.send({ type: "Authenticate", tokenType: "Admin", value: "admin-key", baseVersion: 0 });

    expect(await socket.next("AuthError")).toMatchObject({ baseVersion: 0 });
    await socket.whenClosed();
  });
});
