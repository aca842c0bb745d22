import type { FunctionReturnType } from "convex/server";
import type { api } from "@/convex/_generated/api";

export type Overview = FunctionReturnType<typeof api.metrics.overview>;
export type Summary = Overview["totals"];
export type TrendDay = FunctionReturnType<typeof api.metrics.trend>["days"][number];
export type Live = FunctionReturnType<typeof api.metrics.live>;
