/**
 * Petitions raised on this device: their tracking codes and access keys stay in localStorage so
 * the resident can rate or reopen without an account.
 */
interface DevicePetition {
  trackingCode: string;
  accessKey: string;
  createdAt: string;
  unitName?: string;
  kind?: string;
  /** The rating given from this device (the public view does not tell it). */
  rated?: string;
}

const key = 'zd.petitions';

export function devicePetitions(): DevicePetition[] {
  try {
    const list = JSON.parse(localStorage.getItem(key) ?? '[]') as DevicePetition[];
    return Array.isArray(list) ? list : [];
  } catch {
    return [];
  }
}

export function rememberPetition(entry: DevicePetition): void {
  const list = devicePetitions().filter((p) => p.trackingCode !== entry.trackingCode);
  list.unshift(entry);
  try {
    localStorage.setItem(key, JSON.stringify(list.slice(0, 50)));
  } catch {
    /* storage full or disabled: the code is still on screen */
  }
}

export function accessKeyFor(trackingCode: string): string | undefined {
  const code = trackingCode.trim().toUpperCase();
  return devicePetitions().find((p) => p.trackingCode.toUpperCase() === code)?.accessKey;
}

export function ratedOnDevice(trackingCode: string): string | undefined {
  const code = trackingCode.trim().toUpperCase();
  return devicePetitions().find((p) => p.trackingCode.toUpperCase() === code)?.rated;
}

export function markRated(trackingCode: string, score: string): void {
  const list = devicePetitions().map((p) => (p.trackingCode === trackingCode ? { ...p, rated: score } : p));
  try {
    localStorage.setItem(key, JSON.stringify(list));
  } catch {
    /* not remembered */
  }
}

const unitKey = 'zd.unit';

export function rememberedUnit(): { code: string; name: string } | null {
  try {
    return JSON.parse(localStorage.getItem(unitKey) ?? 'null') as { code: string; name: string } | null;
  } catch {
    return null;
  }
}

export function rememberUnit(unit: { code: string; name: string }): void {
  try {
    localStorage.setItem(unitKey, JSON.stringify({ code: unit.code, name: unit.name }));
  } catch {
    /* not remembered */
  }
}
