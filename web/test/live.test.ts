// The event-stream parser (WHATWG HTML §9.2.6): events end at a blank line, ids and types are
// read, several data lines join with a newline, comments are skipped, CRLF works, and an event
// cut in the middle waits for the rest.
import { describe, expect, it } from "vitest";

import { parseSse } from "../src/live";

describe("parseSse", () => {
  it("reads whole events and keeps the rest", () => {
    const text =
      'retry: 3000\n: egin live events\n\nevent: hello\ndata: {"last_id":0}\n\n' +
      'id: 7\nevent: reading\ndata: {"channel":"gh1/node1/t_air","value":21.5}\n\nid: 8\nevent: rea';
    const { events, rest } = parseSse(text);
    expect(events).toEqual([
      { id: "", event: "hello", data: '{"last_id":0}' },
      { id: "7", event: "reading", data: '{"channel":"gh1/node1/t_air","value":21.5}' },
    ]);
    expect(rest).toBe("id: 8\nevent: rea");
    const more = parseSse(rest + 'ding\ndata: {"value":22}\n\n');
    expect(more.events).toEqual([{ id: "8", event: "reading", data: '{"value":22}' }]);
    expect(more.rest).toBe("");
  });

  it("joins data lines, ignores comments and unknown fields, accepts CRLF", () => {
    const { events } = parseSse("data: a\r\ndata:b\r\nfoo: x\r\n\r\n: ping\n\n");
    expect(events).toEqual([{ id: "", event: "message", data: "a\nb" }]);
  });
});
