import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { LANGS, MESSAGES, type Lang, type Messages } from "./messages";

const STORAGE_KEY = "ecluse.lang";

export interface I18n {
  lang: Lang;
  /** The BCP 47 locale used for numbers and dates (the browser's own when it speaks `lang`). */
  locale: string;
  t: Messages;
  setLang: (lang: Lang) => void;
}

/** The browser's preferred locale for `lang` (en-US, en-GB, fr-CA…), else fr-FR / en-GB. */
export function localeFor(lang: Lang, preferred: readonly string[] = globalThis.navigator?.languages ?? []): string {
  const match = preferred.find((l) => l.toLowerCase().startsWith(lang) && l.length > 2);
  return match ?? (lang === "fr" ? "fr-FR" : "en-GB");
}

function initialLang(): Lang {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    if (stored && (LANGS as readonly string[]).includes(stored)) return stored as Lang;
  } catch {
    // storage unavailable (private mode): French
  }
  return "fr";
}

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children, lang: forced }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(forced ?? initialLang);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      globalThis.localStorage?.setItem(STORAGE_KEY, next);
    } catch {
      // not kept: fine
    }
  }, []);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const value = useMemo<I18n>(() => ({ lang, locale: localeFor(lang), t: MESSAGES[lang], setLang }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error("useI18n outside I18nProvider");
  return ctx;
}
