/** "carla.souza@acme.example" → "Carla Souza": the name suggested for a new invitee. Pure. */
export function nameFromEmail(email: string): string {
  const words = (email.split("@")[0] ?? "")
    .split(/[._+-]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1));
  return words.join(" ") || email;
}
