import type { UnitRef } from './apiTypes.ts';

/** Names a unit: the string itself, or its name in the interface's language when known. */
export function unitName(unit: UnitRef | string | null | undefined, locale = 'vi'): string {
  if (!unit) return '—';
  if (typeof unit === 'string') return unit;
  const key = locale.startsWith('zh') ? 'zh' : locale;
  return unit.names?.[key as keyof NonNullable<UnitRef['names']>] || unit.name || unit.code;
}

export function unitCode(unit: UnitRef | string | null | undefined): string {
  if (!unit) return '';
  return typeof unit === 'string' ? unit : unit.code;
}
