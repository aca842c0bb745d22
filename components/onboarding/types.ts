import type { FunctionReturnType } from "convex/server";
import type { api } from "@/convex/_generated/api";

export type OnboardingStatus = FunctionReturnType<typeof api.onboarding.status>;
export type StepState = OnboardingStatus["steps"][number]["state"];
