/**
 * A round badge with someone's initials, standing in for an avatar picture. The letters are drawn by
 * CSS so they are not part of the text around them: a button's name stays the words it shows.
 */
export function Initials({ name }: { name: string }) {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? "")
    .join("");
  return (
    <span
      aria-hidden="true"
      data-initials={letters || "?"}
      className="grid size-8 shrink-0 place-items-center rounded-full bg-brand-700 text-xs font-semibold text-white before:content-[attr(data-initials)]"
    />
  );
}
