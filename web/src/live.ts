// Live events from GET /api/v1/events: server-sent events read with fetch() and a stream reader
// (EventSource cannot send the Authorization header), parsed by parseSse (the WHATWG event-stream
// format: "id:", "event:", "data:" lines, a blank line ends an event, ":" lines are comments),
// reconnecting with Last-Event-ID after a drop, and handed to every listener of its type.
// It must not touch the page.

export interface SseEvent {
  id: string;
  event: string;
  data: string;
}

/// Parses as many whole events as `buffer` holds; returns them and the unfinished rest.
export function parseSse(buffer: string): { events: SseEvent[]; rest: string } {
  const events: SseEvent[] = [];
  const text = buffer.replace(/\r\n?/g, "\n");
  let start = 0;
  for (;;) {
    const end = text.indexOf("\n\n", start);
    if (end < 0) break;
    const block = text.slice(start, end);
    start = end + 2;
    let id = "";
    let event = "message";
    const data: string[] = [];
    let any = false;
    for (const line of block.split("\n")) {
      if (line === "" || line.startsWith(":")) continue;
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? "" : line.slice(colon + 1);
      if (value.startsWith(" ")) value = value.slice(1);
      if (field === "id") id = value;
      else if (field === "event") event = value;
      else if (field === "data") data.push(value);
      else continue;
      any = true;
    }
    if (any) events.push({ id, event, data: data.join("\n") });
  }
  return { events, rest: text.slice(start) };
}

export interface Reading {
  channel: string;
  id: number;
  t: string;
  t_ms: number;
  value: number;
  flags: number;
}

type Listener = (data: unknown) => void;

export class LiveEvents {
  private listeners = new Map<string, Set<Listener>>();
  private lastId = "";
  private controller: AbortController | null = null;
  private stopped = true;
  private connectedFlag = false;
  onStatus: (connected: boolean) => void = () => {};

  constructor(private readonly headers: () => Record<string, string>) {}

  on(event: string, listener: Listener): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    return () => set?.delete(listener);
  }

  get connected(): boolean {
    return this.connectedFlag;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    void this.loop();
  }

  stop(): void {
    this.stopped = true;
    this.controller?.abort();
  }

  private status(connected: boolean): void {
    this.connectedFlag = connected;
    this.onStatus(connected);
  }

  private emit(e: SseEvent): void {
    if (e.id) this.lastId = e.id;
    let data: unknown = null;
    try {
      data = e.data ? JSON.parse(e.data) : null;
    } catch {
      data = e.data;
    }
    for (const l of this.listeners.get(e.event) ?? []) l(data);
  }

  private async loop(): Promise<void> {
    let delayMs = 1000;
    while (!this.stopped) {
      this.controller = new AbortController();
      try {
        const headers: Record<string, string> = { ...this.headers(), Accept: "text/event-stream" };
        if (this.lastId) headers["Last-Event-ID"] = this.lastId;
        const res = await fetch("/api/v1/events", {
          headers,
          signal: this.controller.signal,
          cache: "no-store",
        });
        if (res.status === 401) {
          this.emit({ id: "", event: "unauthorized", data: "" });
          this.stopped = true;
          break;
        }
        if (!res.ok || !res.body) throw new Error(`HTTP ${res.status}`);
        this.status(true);
        delayMs = 1000;
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        let buffer = "";
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          buffer += decoder.decode(value, { stream: true });
          const parsed = parseSse(buffer);
          buffer = parsed.rest;
          parsed.events.forEach((e) => this.emit(e));
        }
      } catch {
        /* dropped or aborted: try again below */
      }
      this.status(false);
      if (this.stopped) break;
      await new Promise((r) => setTimeout(r, delayMs));
      delayMs = Math.min(delayMs * 2, 15000);
    }
  }
}
