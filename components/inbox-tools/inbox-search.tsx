"use client";

import { usePaginatedQuery, useQuery } from "convex/react";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useEffect, useId, useState } from "react";
import { contactLabel } from "@/components/conversations/contact";
import { RelativeTime } from "@/components/conversations/relative-time";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { inputClasses } from "@/components/ui/field";
import { Spinner } from "@/components/ui/spinner";
import { api } from "@/convex/_generated/api";
import { orgPath } from "@/lib/auth/routes";
import { formatPhoneFull } from "@/lib/inbox/phone";
import { searchTextOf } from "@/lib/inbox/search-text";

const PAGE_SIZE = 20;
const DEBOUNCE_MS = 250;

/** The query a moment after the person stops typing, so each keystroke is not a new subscription. */
function useDebounced(value: string): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value]);
  return debounced;
}

/**
 * Search over the org's messages (notes included) and contact names, accent- and case-insensitive
 * ("orcamento" finds "orçamento"), live and paginated; each hit opens its conversation.
 */
export function InboxSearch({ orgId, timeZone }: { orgId: string; timeZone: string }) {
  const t = useTranslations("inboxTools.search");
  const inputId = useId();
  const [typed, setTyped] = useState("");
  const query = useDebounced(typed);
  const active = searchTextOf(query) !== "";
  const contacts = useQuery(api.search.contacts, active ? { orgId, query } : "skip");
  const messages = usePaginatedQuery(api.search.messages, active ? { orgId, query } : "skip", { initialNumItems: PAGE_SIZE });
  const loading = active && (contacts === undefined || messages.status === "LoadingFirstPage");
  const nothing = active && !loading && contacts?.length === 0 && messages.results.length === 0;

  return (
    <search className="block space-y-2">
      <label htmlFor={inputId} className="sr-only">
        {t("label")}
      </label>
      <input
        id={inputId}
        type="search"
        value={typed}
        onChange={(event) => setTyped(event.target.value)}
        placeholder={t("placeholder")}
        autoComplete="off"
        className={`${inputClasses} mt-0`}
      />
      <div aria-live="polite">
      {active ? (
        <Card className="divide-y divide-slate-100">
          {loading ? (
            <p role="status" className="flex items-center gap-2 px-5 py-3 text-sm text-slate-600">
              <Spinner className="size-4" />
              {t("loading")}
            </p>
          ) : nothing ? (
            <p className="px-5 py-3 text-sm text-slate-600">{t("noResults", { query })}</p>
          ) : (
            <>
              {contacts && contacts.length > 0 ? (
                <section aria-label={t("contacts")} className="px-5 py-3">
                  <h2 className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">{t("contacts")}</h2>
                  <ul className="space-y-1">
                    {contacts.map((contact) => (
                      <li key={contact._id} className="text-sm">
                        {contact.latestSessionId ? (
                          <Link href={orgPath(orgId, `/conversations/${contact.latestSessionId}`)} className="font-medium text-brand-800 hover:underline">
                            {contact.name ?? formatPhoneFull(contact.number)}
                          </Link>
                        ) : (
                          <span className="font-medium text-slate-900">{contact.name ?? formatPhoneFull(contact.number)}</span>
                        )}
                        <span className="ml-2 text-xs text-slate-600">{formatPhoneFull(contact.number)}</span>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              {messages.results.length > 0 ? (
                <section aria-label={t("messages")} className="px-5 py-3">
                  <h2 className="mb-1 text-xs font-semibold tracking-wide text-slate-600 uppercase">{t("messages")}</h2>
                  <ul className="divide-y divide-slate-100">
                    {messages.results.map((hit) => (
                      <li key={hit._id}>
                        <Link href={orgPath(orgId, `/conversations/${hit.sessionId}?message=${hit._id}`)} className="block py-2 hover:bg-slate-50">
                          <span className="flex flex-wrap items-baseline gap-x-2 text-xs text-slate-600">
                            <span className="font-medium text-slate-900">{contactLabel({ contactName: hit.contactName, contactNumber: hit.contactNumber })}</span>
                            {hit.author === "note" ? <span className="rounded bg-amber-100 px-1 text-amber-900">{t("note")}</span> : null}
                            <RelativeTime at={hit.sentAt} timeZone={timeZone} />
                          </span>
                          <span className="line-clamp-2 text-sm break-words text-slate-800">{hit.text}</span>
                        </Link>
                      </li>
                    ))}
                  </ul>
                  {messages.status === "CanLoadMore" ? (
                    <Button variant="secondary" size="sm" className="mt-2" onClick={() => messages.loadMore(PAGE_SIZE)}>
                      {t("loadMore")}
                    </Button>
                  ) : null}
                </section>
              ) : null}
            </>
          )}
        </Card>
      ) : null}
      </div>
    </search>
  );
}
