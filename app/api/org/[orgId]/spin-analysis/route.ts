import { ConvexHttpClient } from "convex/browser";
import { api } from "@/convex/_generated/api";
import { bearerTokenOf, spinAnalysis, type AnalysisSource } from "@/lib/api/spin-analysis";
import { getConvexToken, getServerSession } from "@/app/_lib/auth/server";

// Per request, never cached: the numbers are live and the answer depends on the caller.
export const dynamic = "force-dynamic";

const readFromConvex: AnalysisSource = async (token, orgId, window) => {
  const url = process.env.NEXT_PUBLIC_CONVEX_URL;
  if (!url) throw new Error("NEXT_PUBLIC_CONVEX_URL is not set.");
  const client = new ConvexHttpClient(url);
  client.setAuth(token);
  const [overview, trend] = await Promise.all([
    client.query(api.metrics.overview, { orgId, window }),
    client.query(api.metrics.trend, { orgId }),
  ]);
  return { window, overview, trend: trend.days };
};

export async function GET(request: Request, { params }: { params: Promise<{ orgId: string }> }) {
  const { orgId } = await params;
  const bearerToken = bearerTokenOf(request.headers.get("authorization"));
  const session = bearerToken ? null : await getServerSession();
  const sessionToken = bearerToken ? null : await getConvexToken();
  const window = new URL(request.url).searchParams.get("window");
  const development = process.env.NODE_ENV === "development";
  const { status, body } = await spinAnalysis({ orgId, window, bearerToken, session, sessionToken, development }, readFromConvex);
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
}
