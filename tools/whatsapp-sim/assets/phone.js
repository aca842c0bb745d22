// Phone page of the WhatsApp simulator: renders the state the server pushes over SSE and
// drives the /__sim endpoints (scan the QR, send customer messages).
(function () {
  "use strict";

  const instanceName = document.body.dataset.instance;
  const base = "/__sim/" + encodeURIComponent(instanceName);
  const byId = (id) => document.getElementById(id);
  const digits = (value) => value.replace(/\D/g, "");

  let state = null;
  let selected = null;
  // Customers added here but not yet known to the server (they have not sent anything).
  const drafts = new Map();

  async function post(path, body) {
    const response = await fetch(base + path, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body || {}),
    });
    const data = await response.json().catch(() => ({}));
    if (!response.ok) throw new Error(data.error || response.statusText);
    return data;
  }

  function formatNumber(number) {
    const m = /^(\d{2})(\d{2})(\d{4,5})(\d{4})$/.exec(number);
    return m ? "+" + m[1] + " " + m[2] + " " + m[3] + "-" + m[4] : "+" + number;
  }

  function customers() {
    const list = new Map();
    for (const customer of state.customers) list.set(customer.number, customer);
    for (const [number, draft] of drafts) if (!list.has(number)) list.set(number, draft);
    return [...list.values()];
  }

  function renderStatus() {
    const text = {
      open: "Connected as " + (state.number ? formatNumber(state.number) : "?"),
      connecting: "Waiting for the QR code to be scanned",
      close: "Disconnected",
    };
    byId("status").textContent = text[state.state] || state.state;
  }

  function renderPairing() {
    const showing = state.state !== "open";
    byId("pairing").hidden = !showing;
    if (!showing) return;
    const qr = state.qr;
    byId("qr-figure").hidden = !qr;
    if (qr) {
      byId("qr-image").src = qr.base64;
      byId("qr-caption").textContent = "QR code " + qr.count + " of " + qr.limit + ", refreshes automatically";
    }
    byId("scan").disabled = !qr;
    byId("connect").hidden = state.state !== "close";
    byId("pairing-note").textContent = qr
      ? "Scanning links this simulated phone to the instance and sends connection.update (open)."
      : "No QR code yet. SpinDesk asks for one when you connect the agent, or request one here.";
  }

  function renderCustomers() {
    const list = byId("customer-list");
    const focused = document.activeElement && document.activeElement.dataset.number;
    list.replaceChildren();
    for (const customer of customers()) {
      const item = document.createElement("li");
      const button = document.createElement("button");
      button.type = "button";
      button.dataset.number = customer.number;
      button.setAttribute("aria-current", String(customer.number === selected));
      button.append(customer.name);
      const detail = document.createElement("small");
      detail.textContent = formatNumber(customer.number) + (customer.lid ? " · LID" : "");
      button.append(detail);
      button.addEventListener("click", () => select(customer.number));
      item.append(button);
      list.append(item);
      if (focused === customer.number) button.focus();
    }
  }

  const TICKS = {
    PENDING: ["🕓", "Waiting to send"],
    SERVER_ACK: ["✓", "Sent"],
    DELIVERY_ACK: ["✓✓", "Delivered"],
    READ: ["✓✓", "Read"],
    PLAYED: ["✓✓", "Played"],
    ERROR: ["!", "Not delivered"],
  };
  const REACTIONS = ["👍", "❤️", "😂", "🙏"];
  // Keyed by media id so a re-render never interrupts a voice note that is playing.
  const mediaElements = new Map();
  let context = null; // { mode: "reply" | "edit", entry }

  function mediaUrl(media) {
    return base + "/media/" + encodeURIComponent(media.id);
  }

  function button(label, onClick, extra) {
    const element = document.createElement("button");
    element.type = "button";
    element.className = "secondary small";
    element.textContent = label;
    if (extra) element.setAttribute("aria-label", extra);
    element.addEventListener("click", onClick);
    return element;
  }

  function mediaElement(entry) {
    const known = mediaElements.get(entry.media.id);
    if (known) return known;
    let element;
    if (entry.kind === "image") {
      element = document.createElement("img");
      element.src = mediaUrl(entry.media);
      element.alt = entry.text ? "Photo: " + entry.text : "Photo";
      element.className = "photo";
    } else if (entry.kind === "audio" || entry.kind === "video") {
      element = document.createElement(entry.kind);
      element.controls = true;
      element.preload = "metadata";
      element.src = mediaUrl(entry.media);
      element.setAttribute("aria-label", (entry.media.ptt ? "Voice note" : "Audio") + ", " + (entry.media.seconds || 0) + " s");
      if (entry.direction === "out" && entry.kind === "audio") {
        element.addEventListener("play", () => {
          const current = state.chat.find((candidate) => candidate.id === entry.id);
          if (current && current.status !== "PLAYED") post("/played", { from: current.customer, id: current.id }).catch(showError);
        });
      }
    } else {
      element = document.createElement("a");
      element.href = mediaUrl(entry.media);
      element.target = "_blank";
      element.rel = "noopener";
      element.className = "document";
      element.textContent = "📄 " + (entry.media.fileName || "Document") + " (" + Math.max(1, Math.round(entry.media.size / 1024)) + " KB)";
    }
    mediaElements.set(entry.media.id, element);
    return element;
  }

  function bodyOf(entry) {
    const parts = [];
    if (entry.deletedAt) {
      const gone = document.createElement("em");
      gone.textContent = "You deleted this message";
      return [gone];
    }
    if (entry.quoted) {
      const quote = document.createElement("blockquote");
      quote.textContent = entry.quoted.text || "(media)";
      parts.push(quote);
    }
    if (entry.media) parts.push(mediaElement(entry));
    if (entry.kind === "location" && entry.location) {
      const link = document.createElement("a");
      link.href = "https://www.openstreetmap.org/?mlat=" + entry.location.latitude + "&mlon=" + entry.location.longitude;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = "📍 " + (entry.location.name || entry.location.latitude + ", " + entry.location.longitude);
      parts.push(link);
    }
    if (entry.text) {
      const text = document.createElement("span");
      text.className = "text";
      text.textContent = entry.text;
      parts.push(text);
    }
    return parts;
  }

  function metaOf(entry) {
    const meta = document.createElement("span");
    meta.className = "meta";
    const time = document.createElement("time");
    const date = new Date(entry.timestamp * 1000);
    time.dateTime = date.toISOString();
    time.textContent = date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
    meta.append(time);
    if (entry.editedAt && !entry.deletedAt) meta.append(" · edited");
    if (entry.direction === "out") {
      const [symbol, label] = TICKS[entry.status] || TICKS.PENDING;
      const ticks = document.createElement("span");
      ticks.className = "ticks" + (entry.status === "READ" || entry.status === "PLAYED" ? " read" : "");
      ticks.setAttribute("role", "img");
      ticks.setAttribute("aria-label", label);
      ticks.title = label;
      ticks.textContent = symbol;
      meta.append(" ", ticks);
    }
    if (entry.reaction) {
      const reaction = document.createElement("span");
      reaction.className = "reaction";
      reaction.setAttribute("aria-label", "Your reaction: " + entry.reaction);
      reaction.textContent = entry.reaction;
      meta.append(" ", reaction);
    }
    return meta;
  }

  function actionsOf(entry) {
    const actions = document.createElement("span");
    actions.className = "message-actions";
    if (entry.deletedAt) return actions;
    actions.append(button("Reply", () => setContext("reply", entry), "Reply to this message"));
    if (entry.direction === "out") {
      for (const emoji of REACTIONS) {
        const chosen = entry.reaction === emoji;
        const react = button(emoji, () => post("/react", { from: entry.customer, targetId: entry.id, emoji: chosen ? "" : emoji }).catch(showError), (chosen ? "Remove reaction " : "React with ") + emoji);
        react.setAttribute("aria-pressed", String(chosen));
        actions.append(react);
      }
    } else {
      if (entry.kind === "text") actions.append(button("Edit", () => setContext("edit", entry), "Edit this message"));
      actions.append(button("Delete", () => post("/revoke", { from: entry.customer, targetId: entry.id }).catch(showError), "Delete this message for everyone"));
    }
    return actions;
  }

  function messageItem(entry) {
    const item = document.createElement("li");
    item.className = entry.direction;
    item.id = "message-" + entry.id;
    const who = document.createElement("span");
    who.className = "visually-hidden";
    who.textContent = entry.direction === "in" ? "You: " : "Business: ";
    item.append(who, ...bodyOf(entry), metaOf(entry), actionsOf(entry));
    return item;
  }

  function renderThread() {
    const customer = customers().find((candidate) => candidate.number === selected);
    byId("thread-title").textContent = customer ? customer.name + " · " + formatNumber(customer.number) : "Pick or add a customer";
    byId("compose-who").textContent = customer ? customer.name : "the customer";
    for (const id of ["compose-text", "compose-send", "send-voice", "send-photo", "pick-photo", "send-pdf", "pick-doc", "send-location"]) byId(id).disabled = !customer;
    const log = byId("messages");
    const entries = state.chat.filter((entry) => entry.customer === selected);
    const focused = document.activeElement;
    const keepFocus = focused && log.contains(focused) ? { id: focused.closest("li") && focused.closest("li").id, label: focused.getAttribute("aria-label") || focused.textContent } : null;
    log.replaceChildren();
    if (entries.length === 0) {
      const empty = document.createElement("li");
      empty.className = "empty";
      empty.textContent = customer ? "No messages yet." : "Choose a customer.";
      log.append(empty);
    }
    for (const entry of entries) log.append(messageItem(entry));
    if (keepFocus && keepFocus.id) {
      const again = [...(byId(keepFocus.id) || document.createElement("li")).querySelectorAll("button")].find(
        (candidate) => (candidate.getAttribute("aria-label") || candidate.textContent) === keepFocus.label,
      );
      if (again) again.focus();
    }
    log.scrollTop = log.scrollHeight;
    markRead();
  }

  /** WhatsApp sends read receipts when the chat is on screen: visible tab, focused window. */
  function markRead() {
    if (!state || state.state !== "open" || !selected || document.visibilityState !== "visible" || !document.hasFocus()) return;
    const unread = state.chat.some((entry) => entry.customer === selected && entry.direction === "out" && ["PENDING", "SERVER_ACK", "DELIVERY_ACK"].includes(entry.status));
    if (unread) post("/read", { from: selected }).catch(showError);
  }

  function setContext(mode, entry) {
    context = mode ? { mode, entry } : null;
    byId("compose-context").hidden = !context;
    if (context) {
      const what = entry.text || (entry.media && (entry.media.fileName || entry.kind)) || entry.kind;
      byId("compose-context-text").textContent = (mode === "edit" ? "Editing: " : "Replying to: ") + what;
      if (mode === "edit") byId("compose-text").value = entry.text;
    }
    byId("compose-text").focus();
  }

  function showError(error) {
    byId("compose-error").textContent = error.message;
  }

  function render() {
    renderStatus();
    renderPairing();
    byId("chat").hidden = state.state !== "open";
    if (state.state === "open") {
      renderCustomers();
      renderThread();
    }
  }

  function select(number) {
    selected = number;
    renderCustomers();
    renderThread();
    byId("compose-text").focus();
  }

  // `?from=5511988887777&name=Maria&text=Oi` opens that customer's chat with the message typed, once
  // the number is linked (SpinDesk's onboarding links here for its test message).
  const query = new URLSearchParams(window.location.search);
  let prefill = digits(query.get("from") || "") ? { number: digits(query.get("from")), name: query.get("name") || "", text: query.get("text") || "" } : null;

  function applyPrefill() {
    if (!prefill || state.state !== "open") return;
    const { number, name, text } = prefill;
    prefill = null;
    if (!customers().some((customer) => customer.number === number)) drafts.set(number, { number, name: name || number, lid: false });
    select(number);
    byId("compose-text").value = text;
  }

  function receive(next) {
    state = next;
    render();
    applyPrefill();
  }

  byId("scan").addEventListener("click", () => {
    byId("pairing-error").textContent = "";
    post("/scan", { code: state.qr && state.qr.code }).catch((error) => {
      byId("pairing-error").textContent = error.message;
    });
  });

  byId("connect").addEventListener("click", () => {
    post("/connect").catch((error) => {
      byId("pairing-error").textContent = error.message;
    });
  });

  byId("new-customer").addEventListener("submit", (event) => {
    event.preventDefault();
    const number = digits(byId("customer-number").value);
    const error = byId("customer-error");
    if (number.length < 10 || number.length > 15) {
      error.textContent = "Enter 10 to 15 digits, country code first.";
      byId("customer-number").focus();
      return;
    }
    error.textContent = "";
    drafts.set(number, { number, name: byId("customer-name").value.trim() || number, lid: byId("customer-lid").checked });
    event.target.reset();
    select(number);
  });

  function currentCustomer() {
    return customers().find((candidate) => candidate.number === selected);
  }

  /** Sends one customer message; text typed in the box goes along (as the caption of a file), a reply quotes. */
  function sendInbound(extra) {
    const customer = currentCustomer();
    if (!customer) return Promise.resolve();
    const field = byId("compose-text");
    const text = field.value.trim();
    const body = Object.assign({ from: customer.number, pushName: customer.name, lid: Boolean(customer.lid) }, extra);
    if (text && !body.location) body.text = text;
    if (!body.text && !body.media && !body.location) return Promise.resolve();
    if (context && context.mode === "reply") body.quotedId = context.entry.id;
    byId("compose-error").textContent = "";
    return post("/inbound", body).then(() => {
      field.value = "";
      setContext(null);
    }, showError);
  }

  byId("compose").addEventListener("submit", (event) => {
    event.preventDefault();
    if (context && context.mode === "edit") {
      const text = byId("compose-text").value.trim();
      if (!text) return;
      post("/edit", { from: context.entry.customer, targetId: context.entry.id, text }).then(() => {
        byId("compose-text").value = "";
        setContext(null);
      }, showError);
      return;
    }
    sendInbound({});
  });

  byId("compose-context-cancel").addEventListener("click", () => {
    if (context && context.mode === "edit") byId("compose-text").value = "";
    setContext(null);
  });

  function readFile(input, type) {
    const file = input.files && input.files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.addEventListener("load", () => {
      const base64 = String(reader.result).replace(/^data:[^,]*,/, "");
      sendInbound({ media: { type, base64, mimetype: file.type || undefined, fileName: file.name } }).finally(() => {
        input.value = "";
      });
    });
    reader.addEventListener("error", () => showError(new Error("Could not read " + file.name)));
    reader.readAsDataURL(file);
  }

  // Without a file the simulator makes one: a 2-second voice note, a small picture, a one-page PDF.
  byId("send-voice").addEventListener("click", () => sendInbound({ media: { type: "audio", ptt: true } }));
  byId("send-photo").addEventListener("click", () => sendInbound({ media: { type: "image" } }));
  byId("send-pdf").addEventListener("click", () => sendInbound({ media: { type: "document" } }));
  byId("pick-photo").addEventListener("change", (event) => readFile(event.target, "image"));
  byId("pick-doc").addEventListener("change", (event) => readFile(event.target, "document"));
  byId("send-location").addEventListener("click", () =>
    sendInbound({ location: { latitude: -23.5614, longitude: -46.6559, name: "Av. Paulista, 1578", address: "Bela Vista, São Paulo - SP" } }),
  );
  window.addEventListener("focus", () => markRead());
  document.addEventListener("visibilitychange", () => markRead());

  byId("compose-text").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey) {
      event.preventDefault();
      byId("compose").requestSubmit();
    }
  });

  const events = new EventSource(base + "/events");
  events.addEventListener("state", (event) => receive(JSON.parse(event.data)));
  events.addEventListener("error", () => {
    if (events.readyState === EventSource.CLOSED) byId("status").textContent = "Lost the simulator; reload the page.";
  });
})();
