// The four languages: every dictionary has every key with the same {placeholders} as English,
// none is left in English by mistake for the words a user sees first, and the starting language
// follows what was kept, then the browser, then Russian.
import { describe, expect, it } from "vitest";

import { DICTIONARIES, type Key, initialLanguage, translate } from "../src/i18n";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("i18n", () => {
  const keys = Object.keys(DICTIONARIES.en) as Key[];

  it("gives every language every key, with the same placeholders", () => {
    for (const lang of ["kk", "ru", "ko"] as const) {
      for (const key of keys) {
        const text = DICTIONARIES[lang][key];
        expect(text, `${lang} ${key}`).toBeTruthy();
        expect(placeholders(text), `${lang} ${key}`).toEqual(placeholders(DICTIONARIES.en[key]));
      }
    }
  });

  it("translates the navigation and the login", () => {
    expect(translate("kk", "nav.overview")).toBe("Шолу");
    expect(translate("ru", "nav.overview")).toBe("Обзор");
    expect(translate("ko", "nav.overview")).toBe("개요");
    for (const lang of ["kk", "ru", "ko"] as const) {
      for (const key of ["login.submit", "nav.history", "nav.alarms", "field.title"] as Key[]) {
        expect(DICTIONARIES[lang][key]).not.toBe(DICTIONARIES.en[key]);
      }
    }
  });

  it("fills placeholders and leaves unknown ones visible", () => {
    expect(translate("en", "overview.alarms", { n: 3 })).toBe("3 open alarms");
    expect(translate("kk", "login.limited", { s: 60 })).toBe(
      "Сәтсіз әрекет тым көп. 60 секундтан кейін қайталаңыз.",
    );
    expect(translate("en", "overview.alarms")).toBe("{n} open alarms");
  });

  it("starts in the kept language, else the browser's, else Russian", () => {
    expect(initialLanguage("ko", ["en-US"])).toBe("ko");
    expect(initialLanguage(null, ["de-DE", "kk-KZ", "en"])).toBe("kk");
    expect(initialLanguage("xx", ["de-DE"])).toBe("ru");
    expect(initialLanguage(null, [])).toBe("ru");
  });
});
