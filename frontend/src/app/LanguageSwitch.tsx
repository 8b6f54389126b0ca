import { useId } from "react";
import { useI18n } from "../i18n/I18n";
import { LANGS, type Lang } from "../i18n/messages";

const NAMES: Record<Lang, string> = { fr: "Français", en: "English" };

export function LanguageSwitch() {
  const { t, lang, setLang } = useI18n();
  const id = useId();
  return (
    <span className="lang">
      <label htmlFor={id} className="sr-only">
        {t.language}
      </label>
      <select id={id} value={lang} onChange={(e) => setLang(e.target.value as Lang)} data-testid="language">
        {LANGS.map((l) => (
          <option key={l} value={l} lang={l}>
            {NAMES[l]}
          </option>
        ))}
      </select>
    </span>
  );
}
