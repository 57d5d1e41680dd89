// chronologist pages: send forms and buttons to the JSON API, poll jobs, preview dates.
// Plain ES module, no build step. Every call carries the page's CSRF token.

const csrf = document.querySelector('meta[name="csrf-token"]')?.content ?? "";

async function api(method, url, body) {
  const options = { method, credentials: "same-origin", headers: { "X-CSRF-Token": csrf, Accept: "application/json" } };
  if (body instanceof FormData) {
    options.body = body;
  } else if (body !== undefined) {
    options.headers["Content-Type"] = "application/json";
    options.body = JSON.stringify(body);
  }
  const response = await fetch(url, options);
  const isJson = (response.headers.get("content-type") ?? "").includes("json");
  const data = isJson ? await response.json() : null;
  if (!response.ok) throw new Error(data?.error ?? `${response.status} ${response.statusText}`);
  return data;
}

function say(where, message, ok = false) {
  const target = where?.querySelector?.("[data-status]") ?? document.getElementById("flash");
  if (!target) return;
  target.hidden = false;
  target.textContent = message;
  target.classList.toggle("error", !ok);
}

function participants(text) {
  return text.split("\n").map((line) => line.trim()).filter(Boolean).map((line) => {
    const [name, kind] = line.split("|").map((part) => part.trim());
    return { name, kind: ["person", "organisation", "place"].includes(kind) ? kind : "person" };
  });
}

function changed(el) {
  if (el.type === "checkbox") return el.checked !== el.defaultChecked;
  if (el.tagName === "SELECT") return [...el.options].some((o) => o.selected !== o.defaultSelected);
  return el.value !== el.defaultValue;
}

function formJson(form, submitter) {
  const onlyChanged = form.dataset.method === "PATCH" && !("sendAll" in form.dataset);
  const body = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled || el.type === "submit" || el.type === "file" || el.name === "csrf_token") continue;
    if (el.tagName === "BUTTON") continue;
    if (onlyChanged && !changed(el)) continue;
    if (el.type === "checkbox") body[el.name] = el.checked;
    else if (el.dataset.type === "participants") body[el.name] = participants(el.value);
    else if (el.value === "" && !onlyChanged && form.dataset.method !== "PATCH") continue;
    else body[el.name] = el.value;
  }
  if (submitter?.name) body[submitter.name] = submitter.value;
  return body;
}

function fill(template, data) {
  return template.replace(/\{([\w.]+)\}/g, (_, path) =>
    encodeURIComponent(path.split(".").reduce((value, key) => value?.[key], data) ?? ""));
}

function after(then, data, where) {
  if (!then || then === "reload") return location.reload();
  if (then.startsWith("redirect:")) return location.assign(fill(then.slice(9), data));
  if (then === "show-token") {
    const box = where.querySelector("[data-token]");
    box.hidden = false;
    box.textContent = data.token;
    say(where, "Copy the token now: it will not be shown again.", true);
  }
}

document.addEventListener("submit", async (event) => {
  const form = event.target;
  const submitter = event.submitter;
  let url = form.dataset.api;
  if (form.dataset.apiTemplate) url = fill(form.dataset.apiTemplate, Object.fromEntries(new FormData(form)));
  try {
    if (url) {
      event.preventDefault();
      const body = form.dataset.encoding === "multipart" ? new FormData(form) : formJson(form, submitter);
      if (form.dataset.apiTemplate) delete body.username;
      say(form, "Working…", true);
      after(form.dataset.then, await api(form.dataset.method ?? "POST", url, body), form);
    } else if (form.dataset.merge) {
      event.preventDefault();
      const picked = [...form.querySelectorAll('[name="merge"]')].flatMap((el) =>
        el.tagName === "SELECT" ? [el.value] : el.checked ? [el.value] : []);
      const ids = form.dataset.first ? [form.dataset.first, ...picked] : picked;
      const title = form.querySelector('[name="title"]')?.value || undefined;
      const merged = await api("POST", form.dataset.merge, { event_ids: ids, title });
      location.hash = merged.id;
      location.reload();
    } else if (form.dataset.split) {
      event.preventDefault();
      const value = (name) => form.querySelector(`[name="${name}"]`).value;
      const second = { title: value("title2") };
      if (value("date2").trim()) second.date = value("date2");
      await api("POST", form.dataset.split, { parts: [{ title: value("title1") }, second] });
      location.reload();
    }
  } catch (error) {
    say(form, error.message);
  }
});

document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-api]");
  if (!button) return;
  event.preventDefault();
  if (button.dataset.confirm && !confirm(button.dataset.confirm)) return;
  try {
    const body = button.dataset.body ? JSON.parse(button.dataset.body) : undefined;
    after(button.dataset.then, await api(button.dataset.method ?? "POST", button.dataset.api, body), button.parentElement);
  } catch (error) {
    say(null, error.message);
  }
});

// dates as a person types them, read by the server's temporal engine before saving
let timer;
document.addEventListener("input", (event) => {
  const input = event.target;
  if (!input.matches?.("[data-date-preview]")) return;
  const output = input.closest("label")?.nextElementSibling;
  clearTimeout(timer);
  timer = setTimeout(async () => {
    if (!output) return;
    if (!input.value.trim()) { output.textContent = ""; return; }
    try {
      const date = await api("GET", `/api/dates/parse?text=${encodeURIComponent(input.value)}`);
      output.textContent = `${date.edtf} · ${date.human}`;
      output.classList.remove("error");
    } catch (error) {
      output.textContent = error.message;
      output.classList.add("error");
    }
  }, 250);
});

// extraction progress
for (const item of document.querySelectorAll("[data-job]")) {
  if (!["queued", "running"].includes(item.dataset.statusNow)) continue;
  const poll = async () => {
    try {
      const job = await api("GET", `/api/jobs/${item.dataset.job}`);
      item.querySelector("progress").value = job.progress;
      item.querySelector("[data-job-message]").textContent = `${job.status}: ${job.message}`;
      if (["queued", "running"].includes(job.status)) setTimeout(poll, 800);
      else location.reload();
    } catch (error) {
      say(null, error.message);
    }
  };
  setTimeout(poll, 500);
}
