/** The administration's sections an official may open: backups hold every unit's data, so only
 * administrators of the whole deployment (a grant without a unit) see that section. */
const adminSections = ['units', 'agencies', 'servicePoints', 'officials', 'deadlines', 'approval', 'backups'] as const;
export type AdminSection = (typeof adminSections)[number];

const deploymentWideOnly: readonly AdminSection[] = ['backups'];

export function sectionsFor(grants: ReadonlyArray<{ unit: { code: string } | null; role: string }>): AdminSection[] {
  const wholeDeployment = grants.some((g) => g.role === 'administrator' && g.unit === null);
  return adminSections.filter((s) => wholeDeployment || !deploymentWideOnly.includes(s));
}
