// Talking to egin serve: the session (a bearer token from POST /api/v1/sessions, kept in
// localStorage and sent only in the Authorization header — never a cookie, so other sites'
// pages cannot act with it), JSON requests with the API's error shape, downloads of exports, and
// one place that notices an ended session (401) and sends the user back to the login page.
// It must not build pages.

export interface Session {
  token: string;
  user: string;
  role: "viewer" | "operator" | "admin";
  expires: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    reason: string,
    readonly body: unknown = null,
    readonly retryAfterS = 0,
  ) {
    super(reason);
  }
}

const SESSION_KEY = "egin.session";
let onExpired: () => void = () => {};

export function session(): Session | null {
  try {
    const s = JSON.parse(localStorage.getItem(SESSION_KEY) ?? "null") as Session | null;
    if (!s || Date.parse(s.expires) <= Date.now()) return null;
    return s;
  } catch {
    return null;
  }
}

export function hasRole(role: Session["role"]): boolean {
  const order = ["viewer", "operator", "admin"];
  const s = session();
  return !!s && order.indexOf(s.role) >= order.indexOf(role);
}

export function whenExpired(callback: () => void): void {
  onExpired = callback;
}

function clearSession(): void {
  localStorage.removeItem(SESSION_KEY);
}

async function errorOf(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    /* not JSON */
  }
  const b = (body ?? {}) as { error?: string; reason?: string };
  return new ApiError(
    res.status,
    b.error ?? `http_${res.status}`,
    b.reason ?? res.statusText,
    body,
    Number(res.headers.get("Retry-After") ?? 0),
  );
}

export function authHeaders(): Record<string, string> {
  const s = session();
  return s ? { Authorization: `Bearer ${s.token}` } : {};
}

/// A JSON request; ApiError for any status but 2xx. A 401 ends the session.
export async function api<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { ...authHeaders(), Accept: "application/json" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  const res = await fetch(path, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store",
  });
  if (!res.ok) {
    const err = await errorOf(res);
    if (res.status === 401 && session()) {
      clearSession();
      onExpired();
    }
    throw err;
  }
  return (await res.json()) as T;
}

export const get = <T>(path: string) => api<T>("GET", path);

/// The server's "now" (its clock may run ahead or fast in a demo): GET /api/v1/sites.
export async function serverNow(): Promise<number> {
  return Date.parse((await get<{ now: string }>("/api/v1/sites")).now);
}

export async function login(user: string, password: string): Promise<Session> {
  const res = await fetch("/api/v1/sessions", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ user, password }),
  });
  if (!res.ok) throw await errorOf(res);
  const b = (await res.json()) as {
    token: string;
    expires: string;
    user: { name: string; role: Session["role"] };
  };
  const s: Session = { token: b.token, expires: b.expires, user: b.user.name, role: b.user.role };
  localStorage.setItem(SESSION_KEY, JSON.stringify(s));
  return s;
}

export async function logout(): Promise<void> {
  try {
    await api("DELETE", "/api/v1/sessions/current");
  } catch {
    /* the token may be gone already */
  }
  clearSession();
}

export function forget(): void {
  clearSession();
}

/// Fetches `path` with the token and saves the answer as a file (exports need the header, so a
/// plain link would not do). Returns the file name the server gave.
export async function download(path: string): Promise<string> {
  const res = await fetch(path, { headers: authHeaders(), cache: "no-store" });
  if (!res.ok) throw await errorOf(res);
  const disposition = res.headers.get("Content-Disposition") ?? "";
  const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? "egin-export";
  const blob = await res.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
  return name;
}

/// Query string from defined values.
export function query(params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}
