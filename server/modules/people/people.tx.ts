export const isUniqueViolation = (e: unknown) => (e as { code?: string } | null)?.code === '23505';
