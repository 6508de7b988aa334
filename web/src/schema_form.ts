// Controller settings as a form: the settings' JSON Schema (the subset
// runtime/controller_settings.hpp names — object, array, number, integer, boolean, string,
// enum, minimum, maximum, required, title, description, x-unit) turned into fields, the values
// read back, and the same checks the schema states done before sending (the climate computer's
// validate() stays the authority). validate() is pure and tested (test/schema_form.test.ts).
import { h } from "./dom";
import { unitText } from "./format";

export interface Schema {
  type?: string;
  title?: string;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  minimum?: number;
  maximum?: number;
  enum?: (string | number)[];
  default?: unknown;
  "x-unit"?: string;
}

export interface Issue {
  path: string; // JSON Pointer
  code: "required" | "number" | "integer" | "min" | "max" | "enum";
  limit?: number;
}

/// The problems of `value` against `schema`, with JSON Pointers (RFC 6901) to where they are.
export function validate(schema: Schema, value: unknown, path = ""): Issue[] {
  const issues: Issue[] = [];
  switch (schema.type) {
    case "object": {
      const obj = (value ?? {}) as Record<string, unknown>;
      for (const name of schema.required ?? []) {
        if (obj[name] === undefined || obj[name] === null || obj[name] === "") {
          issues.push({ path: `${path}/${escape(name)}`, code: "required" });
        }
      }
      for (const [name, sub] of Object.entries(schema.properties ?? {})) {
        if (obj[name] !== undefined && obj[name] !== null) {
          issues.push(...validate(sub, obj[name], `${path}/${escape(name)}`));
        }
      }
      break;
    }
    case "array":
      if (Array.isArray(value) && schema.items) {
        value.forEach((item, i) => issues.push(...validate(schema.items!, item, `${path}/${i}`)));
      }
      break;
    case "number":
    case "integer": {
      if (typeof value !== "number" || !Number.isFinite(value)) {
        issues.push({ path, code: "number" });
        break;
      }
      if (schema.type === "integer" && !Number.isInteger(value)) issues.push({ path, code: "integer" });
      if (schema.minimum !== undefined && value < schema.minimum) {
        issues.push({ path, code: "min", limit: schema.minimum });
      }
      if (schema.maximum !== undefined && value > schema.maximum) {
        issues.push({ path, code: "max", limit: schema.maximum });
      }
      break;
    }
    default:
      break;
  }
  if (schema.enum && value !== undefined && !schema.enum.includes(value as string | number)) {
    issues.push({ path, code: "enum" });
  }
  return issues;
}

function escape(name: string): string {
  return name.replace(/~/g, "~0").replace(/\//g, "~1");
}

/// A form for `schema` holding `value`: read() gives the edited value back; fields() maps each
/// JSON Pointer to its input (to mark problems).
export class SchemaForm {
  readonly root: HTMLElement;
  private readers: (() => unknown) | null = null;
  readonly inputs = new Map<string, HTMLElement>();

  constructor(
    schema: Schema,
    value: unknown,
    private readonly readOnly: boolean,
  ) {
    this.root = h("div", { class: "schema-form" });
    this.readers = this.build(this.root, schema, value, "", "");
  }

  read(): unknown {
    return this.readers ? this.readers() : null;
  }

  private build(parent: HTMLElement, s: Schema, value: unknown, path: string, name: string): () => unknown {
    const label = s.title ?? name;
    if (s.type === "object") {
      const box = path === "" ? parent : h("fieldset", { class: "group" }, h("legend", {}, label));
      if (path !== "") parent.append(box);
      if (s.description && path !== "") box.append(h("p", { class: "hint" }, s.description));
      const obj = (value ?? {}) as Record<string, unknown>;
      const readers: [string, () => unknown][] = [];
      for (const [key, sub] of Object.entries(s.properties ?? {})) {
        readers.push([key, this.build(box, sub, obj[key], `${path}/${escape(key)}`, key)]);
      }
      return () => {
        const out: Record<string, unknown> = { ...obj };
        for (const [key, read] of readers) out[key] = read();
        return out;
      };
    }
    if (s.type === "array" && s.items) {
      const box = h("fieldset", { class: "group" }, h("legend", {}, label));
      parent.append(box);
      const items = Array.isArray(value) ? value : [];
      const readers = items.map((item, i) => this.build(box, s.items!, item, `${path}/${i}`, `${label} ${i + 1}`));
      return () => readers.map((r) => r());
    }
    const id = `f${this.inputs.size}`;
    const unit = s["x-unit"] ? unitText(s["x-unit"]) : "";
    let input: HTMLInputElement | HTMLSelectElement;
    let read: () => unknown;
    if (s.enum) {
      const select = h("select", { id, disabled: this.readOnly });
      for (const option of s.enum) {
        select.append(h("option", { value: String(option), selected: option === value }, String(option)));
      }
      input = select;
      read = () => {
        const v = select.value;
        return typeof s.enum![0] === "number" ? Number(v) : v;
      };
    } else if (s.type === "boolean") {
      const box = h("input", { id, type: "checkbox", checked: value === true, disabled: this.readOnly });
      input = box;
      read = () => box.checked;
    } else if (s.type === "number" || s.type === "integer") {
      const field = h("input", {
        id,
        type: "number",
        inputmode: "decimal",
        step: s.type === "integer" ? "1" : "any",
        min: s.minimum,
        max: s.maximum,
        value: typeof value === "number" ? String(value) : "",
        disabled: this.readOnly,
      });
      input = field;
      read = () => (field.value.trim() === "" ? null : Number(field.value));
    } else {
      const field = h("input", { id, type: "text", value: value == null ? "" : String(value), disabled: this.readOnly });
      input = field;
      read = () => field.value;
    }
    const range =
      s.minimum !== undefined || s.maximum !== undefined
        ? `${s.minimum ?? "…"} – ${s.maximum ?? "…"}${unit ? ` ${unit}` : ""}`
        : unit;
    const row = h(
      "div",
      { class: "field-row", "data-path": path },
      h("label", { for: id }, label),
      h("div", { class: "field-input" }, input, range ? h("span", { class: "unit" }, range) : null),
      s.description ? h("p", { class: "hint" }, s.description) : null,
      h("p", { class: "issue", "data-issue": path }),
    );
    parent.append(row);
    this.inputs.set(path, row);
    return read;
  }

  /// Shows each problem under its field (and clears the others).
  mark(problems: { path: string; text: string }[]): void {
    for (const row of this.inputs.values()) {
      row.classList.remove("bad");
      const p = row.querySelector(".issue");
      if (p) p.textContent = "";
    }
    for (const problem of problems) {
      const row = this.inputs.get(problem.path);
      if (!row) continue;
      row.classList.add("bad");
      const p = row.querySelector(".issue");
      if (p) p.textContent = problem.text;
    }
  }
}
