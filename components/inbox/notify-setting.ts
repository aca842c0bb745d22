"use client";

import { useSyncExternalStore } from "react";

/** Opt-in browser notifications for customer messages, per browser (localStorage); off by default. */
const KEY = "spindesk.inbox.notify";
const CHANGED = "spindesk:notify-setting";

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

export function useNotifySetting(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.localStorage.getItem(KEY) === "on",
    () => false,
  );
}

export function setNotifySetting(on: boolean) {
  if (on) window.localStorage.setItem(KEY, "on");
  else window.localStorage.removeItem(KEY);
  window.dispatchEvent(new Event(CHANGED));
}

/** A short two-tone beep made on the spot (no sound file to download). */
export function beep() {
  const AudioContextClass = window.AudioContext;
  if (AudioContextClass === undefined) return;
  const audio = new AudioContextClass();
  const gain = audio.createGain();
  gain.gain.setValueAtTime(0.08, audio.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + 0.3);
  gain.connect(audio.destination);
  for (const [frequency, start] of [
    [880, 0],
    [1320, 0.12],
  ] as const) {
    const tone = audio.createOscillator();
    tone.frequency.value = frequency;
    tone.connect(gain);
    tone.start(audio.currentTime + start);
    tone.stop(audio.currentTime + start + 0.12);
  }
  window.setTimeout(() => void audio.close(), 600);
}
