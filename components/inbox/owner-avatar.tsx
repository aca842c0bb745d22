import { Avatar } from "@/components/ui/avatar";

type OwnerAvatarProps = { name: string; imageUrl: string | null; label: string; size?: "sm" | "md" };

/** A conversation owner's picture, or their initials when they have none; `label` names them for screen readers. */
export function OwnerAvatar({ name, imageUrl, label, size = "sm" }: OwnerAvatarProps) {
  const box = size === "sm" ? "size-6 text-[0.625rem]" : "size-8 text-xs";
  return <Avatar name={name} imageUrl={imageUrl} label={label} className={`${box} bg-slate-700 text-white`} />;
}
