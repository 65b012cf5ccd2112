import type { UnitRef } from './apiTypes.ts';

/** Names a unit: its name in the interface's language when known, else its official name. */
export function unitName(unit: UnitRef | null | undefined, locale = 'vi'): string {
  if (!unit) return '—';
  const key = locale.startsWith('zh') ? 'zh' : locale;
  return unit.names?.[key as keyof NonNullable<UnitRef['names']>] || unit.name || unit.code;
}

export function unitCode(unit: UnitRef | null | undefined): string {
  return unit?.code ?? '';
}
