import { cx } from "./cx";

/** "Olivia Souza" → "OS"; one name → its first letter; no name → "?". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const first = words[0]![0]!;
  const last = words.length > 1 ? words[words.length - 1]![0]! : "";
  return (first + last).toUpperCase();
}

type AvatarProps = {
  name: string;
  imageUrl?: string | null;
  /** Names the person for screen readers; without it the avatar is decorative (the name is beside it). */
  label?: string;
  /** Size and colours; the default is a small grey disc. */
  className?: string;
};

/** A person's picture, or their initials when they have none. */
export function Avatar({ name, imageUrl, label, className = "size-5 text-[0.625rem] bg-slate-200 text-slate-700" }: AvatarProps) {
  const a11y = label === undefined ? { "aria-hidden": true as const } : { role: "img", "aria-label": label, title: name };
  if (imageUrl) {
    // eslint-disable-next-line @next/next/no-img-element -- pictures come from the auth provider's CDN, any host
    return <img src={imageUrl} alt={label ?? ""} title={label === undefined ? undefined : name} className={cx("shrink-0 rounded-full object-cover", className)} />;
  }
  return (
    <span {...a11y} className={cx("inline-grid shrink-0 place-items-center rounded-full font-semibold", className)}>
      {initialsOf(name)}
    </span>
  );
}
