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

  function renderThread() {
    const customer = customers().find((candidate) => candidate.number === selected);
    byId("thread-title").textContent = customer ? customer.name + " · " + formatNumber(customer.number) : "Pick or add a customer";
    byId("compose-who").textContent = customer ? customer.name : "the customer";
    byId("compose-text").disabled = !customer;
    byId("compose-send").disabled = !customer;
    const log = byId("messages");
    log.replaceChildren();
    const entries = state.chat.filter((entry) => entry.customer === selected);
    if (entries.length === 0) {
      const empty = document.createElement("li");
      empty.className = "empty";
      empty.textContent = customer ? "No messages yet." : "Choose a customer on the left.";
      log.append(empty);
    }
    for (const entry of entries) {
      const item = document.createElement("li");
      item.className = entry.direction;
      const who = document.createElement("span");
      who.className = "visually-hidden";
      who.textContent = entry.direction === "in" ? "Customer: " : "Business: ";
      const time = document.createElement("time");
      const date = new Date(entry.timestamp * 1000);
      time.dateTime = date.toISOString();
      time.textContent = date.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
      item.append(who, entry.text, time);
      log.append(item);
    }
    log.scrollTop = log.scrollHeight;
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

  function receive(next) {
    state = next;
    render();
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

  byId("compose").addEventListener("submit", (event) => {
    event.preventDefault();
    const field = byId("compose-text");
    const text = field.value.trim();
    const customer = customers().find((candidate) => candidate.number === selected);
    if (!text || !customer) return;
    byId("compose-error").textContent = "";
    post("/inbound", { from: customer.number, text, pushName: customer.name, lid: Boolean(customer.lid) })
      .then(() => {
        field.value = "";
      })
      .catch((error) => {
        byId("compose-error").textContent = error.message;
      });
  });

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
