import { cx } from "@/components/ui/cx";

/** "Olivia Souza" → "OS"; one name → its first letter. */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const first = words[0]![0]!;
  const last = words.length > 1 ? words[words.length - 1]![0]! : "";
  return (first + last).toUpperCase();
}

type OwnerAvatarProps = { name: string; imageUrl: string | null; label: string; size?: "sm" | "md" };

/** A conversation owner's picture, or their initials when they have none; `label` names them for screen readers. */
export function OwnerAvatar({ name, imageUrl, label, size = "sm" }: OwnerAvatarProps) {
  const box = size === "sm" ? "size-6 text-[0.625rem]" : "size-8 text-xs";
  if (imageUrl) {
    // eslint-disable-next-line @next/next/no-img-element -- avatars come from the auth provider's CDN, any host
    return <img src={imageUrl} alt={label} title={name} className={cx(box, "shrink-0 rounded-full object-cover")} />;
  }
  return (
    <span
      role="img"
      aria-label={label}
      title={name}
      className={cx(box, "inline-flex shrink-0 items-center justify-center rounded-full bg-slate-700 font-semibold text-white")}
    >
      {initialsOf(name)}
    </span>
  );
}
