"use client";

import { useTranslations } from "next-intl";
import { useId, useState, useSyncExternalStore } from "react";
import { setNotifySetting, useNotifySetting } from "./notify-setting";

const noSubscription = () => () => undefined;

/** Turns my customer-message notifications on (asking the browser's permission once) or off. */
export function NotifyToggle() {
  const t = useTranslations("inbox.notifications");
  const on = useNotifySetting();
  const [denied, setDenied] = useState(false);
  const hintId = useId();
  const supported = useSyncExternalStore(
    noSubscription,
    () => "Notification" in window,
    () => false,
  );

  async function change(next: boolean) {
    setDenied(false);
    if (!next) return setNotifySetting(false);
    const permission = Notification.permission === "default" ? await Notification.requestPermission() : Notification.permission;
    if (permission !== "granted") return setDenied(true);
    setNotifySetting(true);
  }

  if (!supported) return null;
  return (
    <div className="space-y-1 px-3 pb-3 md:px-4">
      <label className="flex min-h-10 cursor-pointer items-center gap-3 text-sm font-medium text-slate-800">
        <input
          type="checkbox"
          role="switch"
          checked={on}
          aria-describedby={hintId}
          onChange={(event) => void change(event.target.checked)}
          className="size-4 accent-brand-700"
        />
        {t("label")}
      </label>
      <p id={hintId} className="text-xs text-slate-500">
        {denied ? t("denied") : t("hint")}
      </p>
    </div>
  );
}
