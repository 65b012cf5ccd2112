/**
 * The words a report PDF prints, in the languages the server speaks (vi, zh, en), kept in
 * reports.texts.json. The web page has its own in web/locales. Every key has every language and
 * every kind, role, content and stage has its name: the file is refused at start-up otherwise.
 */
import { Type } from 'typebox';
import { gatheringKinds, hostRoles, matterContents, matterStages, petitionKinds } from '../../contract/domain.ts';
import type { Locale } from '../../platform/i18n.ts';
import { LocaleTexts, readDataFile } from '../../platform/dataFile.ts';

type Text = Record<Locale, string>;

/** Every value of a list has its text, e.g. every petition kind. */
const textsOf = (values: readonly string[]) => Type.Object(Object.fromEntries(values.map((v) => [v, LocaleTexts])));

const ReportTexts = Type.Object({
  reportTexts: Type.Record(Type.String(), LocaleTexts),
  valueTexts: Type.Object({
    kind: textsOf(petitionKinds),
    /** The topics of figures_categories (docs/FIGURES.md). */
    category: Type.Record(Type.String(), LocaleTexts),
    gatheringKind: textsOf(gatheringKinds),
    hostRole: textsOf(hostRoles),
    content: textsOf(matterContents),
    stage: textsOf(matterStages),
  }),
});

const texts = readDataFile(new URL('./reports.texts.json', import.meta.url), ReportTexts);

// The keys come from the file's own type, so that a report asking for a text the file lacks does not compile.
export type ReportTextKey = keyof (typeof import('./reports.texts.json', { with: { type: 'json' } }))['reportTexts'];
export const reportTexts = texts.reportTexts as Record<ReportTextKey, Text>;
export const valueTexts = texts.valueTexts as Record<keyof typeof texts.valueTexts, Record<string, Text>>;

export function textOf(locale: Locale, key: ReportTextKey, params: Record<string, string | number> = {}): string {
  return reportTexts[key][locale].replace(/\{(\w+)\}/g, (whole, k: string) => (k in params ? String(params[k]) : whole));
}

/** The name of a value (a kind, a category …) in a language; the value itself when it has none. */
export function valueText(locale: Locale, group: keyof typeof valueTexts, value: string): string {
  return valueTexts[group][value]?.[locale] ?? value;
}
