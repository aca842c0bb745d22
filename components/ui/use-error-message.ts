"use client";

import { useTranslations } from "next-intl";
import { useCallback } from "react";
import { toAppErrorData } from "@/lib/errors";

/** Turns anything a Convex call threw into the translated message for its error code. */
export function useErrorMessage(): (error: unknown) => string {
  const t = useTranslations("errors.codes");
  return useCallback((error: unknown) => t(toAppErrorData(error).code), [t]);
}
