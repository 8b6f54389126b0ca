import { useI18n } from "../../i18n/I18n";

export function Breadcrumb({ trail, current }: { trail: string[]; current: string }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t.breadcrumb} className="breadcrumb">
      <ol>
        {trail.map((item) => (
          <li key={item}>{item}</li>
        ))}
        <li aria-current="page">{current}</li>
      </ol>
    </nav>
  );
}
