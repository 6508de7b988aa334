// The settings form's own checks: required fields, numbers, whole numbers, ranges and lists,
// nested objects and arrays, each with the JSON Pointer (RFC 6901, ~1 for "/") of where it is.
import { describe, expect, it } from "vitest";

import { type Schema, validate } from "../src/schema_form";

const schema: Schema = {
  type: "object",
  required: ["heating"],
  properties: {
    heating: {
      type: "object",
      required: ["day_c"],
      properties: {
        day_c: { type: "number", minimum: 5, maximum: 30, "x-unit": "Cel" },
        pband_c: { type: "number", minimum: 0.5 },
      },
    },
    mode: { type: "string", enum: ["auto", "manual"] },
    bands: {
      type: "array",
      items: { type: "object", properties: { start_min: { type: "integer", minimum: -720, maximum: 720 } } },
    },
    "co2/limit": { type: "number", maximum: 1500 },
  },
};

describe("validate", () => {
  it("accepts valid settings", () => {
    expect(validate(schema, { heating: { day_c: 18 }, mode: "auto", bands: [{ start_min: -60 }] })).toEqual([]);
  });

  it("names each problem with its JSON Pointer", () => {
    const issues = validate(schema, {
      heating: { day_c: 31, pband_c: "x" },
      mode: "off",
      bands: [{ start_min: 10 }, { start_min: 30.5 }, { start_min: -800 }],
      "co2/limit": 2000,
    });
    expect(issues).toEqual([
      { path: "/heating/day_c", code: "max", limit: 30 },
      { path: "/heating/pband_c", code: "number" },
      { path: "/mode", code: "enum" },
      { path: "/bands/1/start_min", code: "integer" },
      { path: "/bands/2/start_min", code: "min", limit: -720 },
      { path: "/co2~1limit", code: "max", limit: 1500 },
    ]);
  });

  it("reports missing required fields", () => {
    expect(validate(schema, {})).toEqual([{ path: "/heating", code: "required" }]);
    expect(validate(schema, { heating: {} })).toEqual([{ path: "/heating/day_c", code: "required" }]);
    expect(validate(schema, { heating: { day_c: null } })).toEqual([{ path: "/heating/day_c", code: "required" }]);
  });
});
