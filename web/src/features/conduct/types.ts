/** What the conduct pages read from the server: codes of conduct, a rating place, the staff directory. */
import type { GatheringToRate, NormSetView, PlaceView } from '../../../../server/modules/conduct/conduct.schema.ts';
import type { StaffEntry } from '../../../../server/modules/directory/directory.schema.ts';

export type NormSet = NormSetView;
export type Place = PlaceView;
export type { GatheringToRate };
export type { StaffEntry };

/** A text of a norm set in the interface's language (the sets speak vi, zh and en). */
export function localText(texts: Record<string, string> | undefined, locale: string): string {
  if (!texts) return '';
  return texts[locale.startsWith('zh') ? 'zh' : locale] ?? texts.en ?? texts.vi ?? Object.values(texts)[0] ?? '';
}

/** The face scale, 1 very unhappy … 5 very happy. */
export const faces = [
  { score: 1, face: '😠' },
  { score: 2, face: '🙁' },
  { score: 3, face: '😐' },
  { score: 4, face: '🙂' },
  { score: 5, face: '😄' },
] as const;
