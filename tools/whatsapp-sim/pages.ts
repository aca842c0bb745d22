import { readFileSync } from "node:fs";
import { escapeHtml } from "./http";
import type { Instance } from "./instances";

// Inlined into every page so the simulator works offline with no static file routes.
const CSS = readFileSync(new URL("./assets/sim.css", import.meta.url), "utf8");
const PHONE_JS = readFileSync(new URL("./assets/phone.js", import.meta.url), "utf8");

const TITLE = "WhatsApp simulator (development)";

function layout(title: string, body: string, bodyAttributes = ""): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body${bodyAttributes}>
${body}
</body>
</html>`;
}

/** "5511999990001" → "+55 11 99999-0001" (Brazilian layout; anything else just gets a "+"). */
function formatPhone(number: string): string {
  const parts = /^(\d{2})(\d{2})(\d{4,5})(\d{4})$/.exec(number);
  return parts ? `+${parts[1]} ${parts[2]} ${parts[3]}-${parts[4]}` : `+${number}`;
}

function phoneLink(instance: Instance): string {
  return `/phone/${encodeURIComponent(instance.instanceName)}`;
}

export function indexPage(instances: Instance[], apiUrl: string): string {
  const rows = instances
    .map(
      (instance) => `<tr>
<td>${escapeHtml(instance.instanceName)}</td>
<td><span class="state state-${instance.state}">${instance.state}</span></td>
<td>${instance.number ? escapeHtml(formatPhone(instance.number)) : "—"}</td>
<td><a href="${phoneLink(instance)}">Open phone<span class="visually-hidden"> for ${escapeHtml(instance.instanceName)}</span></a></td>
</tr>`,
    )
    .join("\n");
  const table = instances.length
    ? `<table><caption class="visually-hidden">Instances</caption>
<thead><tr><th scope="col">Instance</th><th scope="col">State</th><th scope="col">Number</th><th scope="col">Phone</th></tr></thead>
<tbody>${rows}</tbody></table>`
    : `<p>No instances yet. Connect an agent in SpinDesk (it calls <code>POST /instance/create</code>) and it shows up here.</p>`;
  return layout(
    TITLE,
    `<header class="bar"><p class="dev-tag">${TITLE}</p><h1>Instances</h1><a href="/">Refresh</a></header>
<main><section class="panel" aria-labelledby="instances-title">
<h2 id="instances-title">Evolution API look-alike at <code>${escapeHtml(apiUrl)}</code></h2>
${table}
</section></main>`,
  );
}

export function phonePage(instance: Instance): string {
  const name = escapeHtml(instance.instanceName);
  return layout(
    `Phone · ${instance.instanceName} — ${TITLE}`,
    `<header class="bar">
<p class="dev-tag">${TITLE}</p>
<h1>Phone · ${name}</h1>
<p id="status" class="status" role="status" aria-live="polite">Loading…</p>
<a href="/">All instances</a>
</header>
<main>
<section id="pairing" class="panel" aria-labelledby="pairing-title" hidden>
<h2 id="pairing-title">Link the business number</h2>
<div class="pairing">
<figure class="qr" id="qr-figure"><img id="qr-image" alt="QR code that links this simulated phone to the instance" width="264" height="264"><figcaption id="qr-caption"></figcaption></figure>
<div>
<p id="pairing-note"></p>
<div class="actions">
<button id="scan" type="button">Scan with phone</button>
<button id="connect" type="button" class="secondary">Request a QR code</button>
</div>
<p id="pairing-error" class="error" role="alert"></p>
</div>
</div>
</section>
<section id="chat" class="chat" aria-label="Chats" hidden>
<div class="customers panel">
<form id="new-customer">
<fieldset><legend>New customer</legend>
<label for="customer-name">Name</label>
<input id="customer-name" type="text" autocomplete="off" required maxlength="100">
<label for="customer-number">Phone number</label>
<input id="customer-number" type="tel" autocomplete="off" required placeholder="5511988887777" aria-describedby="customer-number-hint">
<small id="customer-number-hint">Country and area code, digits only.</small>
<label class="check"><input id="customer-lid" type="checkbox"> LID customer (WhatsApp privacy addressing)</label>
<button type="submit">Start chat</button>
<p id="customer-error" class="error" role="alert"></p>
</fieldset>
</form>
<h3 id="customers-title">Customers</h3>
<ul id="customer-list" aria-labelledby="customers-title"></ul>
</div>
<div class="thread">
<h3 id="thread-title">Pick or add a customer</h3>
<ol id="messages" class="messages" role="log" aria-live="polite" aria-labelledby="thread-title"></ol>
<form id="compose" class="compose">
<div id="compose-context" class="compose-context" hidden>
<p id="compose-context-text"></p>
<button id="compose-context-cancel" type="button" class="secondary small">Cancel</button>
</div>
<label for="compose-text">Message as <span id="compose-who">the customer</span> (Enter sends, Shift+Enter adds a line; with a photo or document it is the caption)</label>
<textarea id="compose-text" rows="2" disabled></textarea>
<button id="compose-send" type="submit" disabled>Send</button>
<div class="attach" role="group" aria-label="Send something else">
<button id="send-voice" type="button" class="secondary small" disabled>Voice note</button>
<button id="send-photo" type="button" class="secondary small" disabled>Sample photo</button>
<label class="file-button" id="pick-photo-label">Pick a photo<input id="pick-photo" type="file" accept="image/*" disabled></label>
<button id="send-pdf" type="button" class="secondary small" disabled>Sample PDF</button>
<label class="file-button" id="pick-doc-label">Pick a document<input id="pick-doc" type="file" disabled></label>
<button id="send-location" type="button" class="secondary small" disabled>Location</button>
</div>
<p id="compose-error" class="error" role="alert"></p>
</form>
</div>
</section>
</main>
<script>${PHONE_JS}</script>`,
    ` data-instance="${name}"`,
  );
}

export function missingPhonePage(instanceName: string): string {
  return layout(
    TITLE,
    `<header class="bar"><p class="dev-tag">${TITLE}</p><h1>Unknown instance</h1><a href="/">All instances</a></header>
<main><p class="panel">There is no instance named <code>${escapeHtml(instanceName)}</code>.</p></main>`,
  );
}
