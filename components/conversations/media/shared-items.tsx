import { useTranslations } from "next-intl";
import type { MessageView } from "../types";

type Location = NonNullable<MessageView["location"]>;
type SharedContact = NonNullable<MessageView["sharedContact"]>;

/** A shared location: its name and address, and a link to it on OpenStreetMap (new tab). */
export function LocationCard({ location }: { location: Location }) {
  const t = useTranslations("conversations.whatsapp");
  const { latitude, longitude } = location;
  const href = `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=17/${latitude}/${longitude}`;
  return (
    <div className="mb-1 w-72 max-w-full rounded-md bg-white px-3 py-2 ring-1 ring-slate-300">
      <p className="font-medium text-slate-900">📍 {location.name ?? t("location")}</p>
      {location.address ? <p className="text-xs text-slate-600">{location.address}</p> : null}
      <a href={href} target="_blank" rel="noopener noreferrer" className="mt-1 inline-block text-sm font-medium text-brand-700 underline">
        {t("openMap")}
        <span className="sr-only"> ({t("newTab")})</span>
      </a>
    </div>
  );
}

/** A contact card the customer shared: name and number, the number dialable. */
export function SharedContactCard({ contact }: { contact: SharedContact }) {
  const t = useTranslations("conversations.whatsapp");
  return (
    <div className="mb-1 w-72 max-w-full rounded-md bg-white px-3 py-2 ring-1 ring-slate-300">
      <p className="text-xs text-slate-600">👤 {t("sharedContact")}</p>
      <p className="font-medium text-slate-900">{contact.name}</p>
      {contact.phone ? (
        <a href={`tel:${contact.phone.replace(/[^\d+]/g, "")}`} className="text-sm text-brand-700 underline">
          {contact.phone}
        </a>
      ) : null}
    </div>
  );
}
