import { cx } from "@/components/ui/cx";

export function initialsOf(name: string): string {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? "");
  return letters.join("") || "?";
}

type AvatarProps = { name: string; imageUrl?: string | null; className?: string };

/** A member's picture, or their initials when they have none. Decorative: the name is always beside it. */
export function Avatar({ name, imageUrl, className }: AvatarProps) {
  if (imageUrl) {
    // eslint-disable-next-line @next/next/no-img-element -- profile pictures come from the auth provider's CDN
    return <img src={imageUrl} alt="" className={cx("size-5 shrink-0 rounded-full object-cover", className)} />;
  }
  return (
    <span
      aria-hidden="true"
      className={cx("grid size-5 shrink-0 place-items-center rounded-full bg-slate-200 text-[0.625rem] font-semibold text-slate-700", className)}
    >
      {initialsOf(name)}
    </span>
  );
}
