/** The languages the server writes in (articles, reports as PDF), each named in itself. */
export type ServerLanguage = 'vi' | 'zh' | 'en';

export const languageNames: Record<ServerLanguage, string> = { vi: 'Tiếng Việt', zh: '中文', en: 'English' };

/** The same, as the choices of a select. */
export const languageChoices = (Object.keys(languageNames) as ServerLanguage[]).map((value) => ({ value, label: languageNames[value] }));
