import path from 'node:path';

/** Everything the server reads from its environment, read once at start. */
export interface Config {
  host: string;
  port: number;
  /** The embedded database (attachments included) lives here (ZD_DATA_DIR). */
  dataDir: string;
  /** A PostgreSQL server; when absent the embedded database under dataDir is used. */
  databaseUrl?: string;
  /** Connections each server process keeps to PostgreSQL (ZD_DB_POOL_SIZE). */
  databasePoolSize: number;
  adminUser: string;
  adminPassword?: string;
  /** Seed the demo world into an empty database. */
  demo: boolean;
  logLevel: string;
  /**
   * `pretty`: short lines for a person at a terminal, requests only at debug; `json`: one JSON
   * object per line for a log collector (ZD_LOG_FORMAT; json when stdout is not a terminal).
   */
  logFormat: 'pretty' | 'json';
  /** Cookies get the Secure flag (set when served behind TLS). */
  secureCookies: boolean;
  sessionHours: number;
  rateLimits: {
    /** Sign-in attempts per IP address per minute. */
    signInPerMinute: number;
    /** Writes by callers who are not signed in, per IP address per minute. */
    anonymousWritesPerMinute: number;
    /**
     * Tracking-page lookups, ratings and consents, public petition lists and Open311 reads per IP
     * address per minute, signed in or not (codes must not be enumerated).
     */
    trackingPerMinute: number;
  };
  /** Disk space attachments may take (ZD_ATTACHMENT_QUOTA_PETITION_MB, ZD_ATTACHMENT_QUOTA_RESIDENT_MB). */
  attachmentQuotas: {
    /** All files of one petition together, whoever attached them. */
    perPetitionBytes: number;
    /** All files a signed-in resident attached, over all their petitions. */
    perResidentBytes: number;
  };
  /** The Ed25519 private key (PEM) that signs the daily audit anchor files (ZD_AUDIT_SIGNING_KEY); else a key file in dataDir. */
  auditSigningKey?: string;
  /** Where the signed daily audit anchor files go (ZD_AUDIT_ANCHOR_DIR, default <dataDir>/audit-anchors); null: none written. */
  auditAnchorDir: string | null;
  /** How often each server process looks for due jobs, in milliseconds. */
  jobPollMs: number;
  /**
   * What this process does (ZD_ROLE): `all` serves requests and runs the background work (jobs,
   * notifications); `web` only serves requests; `worker` runs the background work (and answers
   * /healthz and /metrics, but takes no traffic). Several `web` processes and one `worker` keep
   * background work from slowing requests down.
   */
  role: ServerRole;
  /** Notifications: SMTP server URL (ZD_SMTP_URL, e.g. smtps://user:pass@host:465); console when absent. */
  smtpUrl?: string;
  /** The address residents reach the site at (ZD_PUBLIC_URL), for links in messages, e.g. https://tiepdan.example.vn. */
  publicUrl: string;
  /** The From: of e-mail notifications (ZD_MAIL_FROM). */
  mailFrom: string;
  /** An SMS gateway that takes POST { to, text } (ZD_SMS_WEBHOOK_URL); console when absent. */
  smsWebhookUrl?: string;
  /** How long to wait for the SMS gateway, in milliseconds (ZD_SMS_WEBHOOK_TIMEOUT_MS). */
  smsWebhookTimeoutMs: number;
  /** The bearer token /metrics asks for (ZD_METRICS_TOKEN); without one it answers only over loopback. */
  metricsToken?: string;
  /** Scheduled backups go to this folder (ZD_BACKUP_DIR); none are taken without it. */
  backupDir?: string;
  /** How often a scheduled backup is taken, in milliseconds (ZD_BACKUP_EVERY: 24h, 6h, 30m, 1d …; default a day). */
  backupEveryMs: number;
  /** How many scheduled backups are kept in backupDir, the newest (ZD_BACKUP_KEEP, default 7). */
  backupKeep: number;
  /** A font file (OTF/TTF) the report PDFs embed instead of the shipped subset (ZD_REPORT_FONT): docs/REPORTS.md. */
  reportFont?: string;
  /** Where the maps' background comes from (ZD_MAP_TILES_URL, ZD_MAP_TILES_ATTRIBUTION): docs/OPERATIONS.md, "Maps". */
  mapTiles: MapTiles;
  /** Single sign-on for officials through an OpenID Connect provider (docs/INTEROP.md); none without ZD_OIDC_ISSUER. */
  oidc?: OidcSettings;
}

/** An OpenID Connect provider officials may sign in through. */
export interface OidcSettings {
  /** The issuer URL, whose /.well-known/openid-configuration is read (ZD_OIDC_ISSUER). */
  issuer: string;
  /** This server's client id and secret at the provider (ZD_OIDC_CLIENT_ID, ZD_OIDC_CLIENT_SECRET; no secret: a public client, PKCE only). */
  clientId: string;
  clientSecret?: string;
  /**
   * The claim that names the official (ZD_OIDC_CLAIM, default email): `email` is matched with
   * the official's e-mail address (and must be verified), any other claim (preferred_username,
   * sub, an employee number …) with the username.
   */
  claim: string;
  /** Where the provider sends the browser back (ZD_OIDC_REDIRECT_URI; default: this server's /api/v1/auth/oidc/callback as the request reached it). */
  redirectUri?: string;
  /** The provider's name on the sign-in button (ZD_OIDC_NAME). */
  name: string;
}

function oidcSettings(env: NodeJS.ProcessEnv): OidcSettings | undefined {
  const issuer = env.ZD_OIDC_ISSUER?.trim();
  if (!issuer) return undefined;
  if (!/^https?:\/\/[^/]/.test(issuer)) throw new Error(`ZD_OIDC_ISSUER must be an http(s) URL, got "${issuer}"`);
  const clientId = env.ZD_OIDC_CLIENT_ID?.trim();
  if (!clientId) throw new Error('ZD_OIDC_ISSUER is set: ZD_OIDC_CLIENT_ID must be set too');
  const redirectUri = env.ZD_OIDC_REDIRECT_URI?.trim() || undefined;
  if (redirectUri && !/^https?:\/\/[^/]+\/api\/v1\/auth\/oidc\/callback$/.test(redirectUri)) {
    throw new Error(`ZD_OIDC_REDIRECT_URI must be this server's https://host/api/v1/auth/oidc/callback, got "${redirectUri}"`);
  }
  return {
    issuer,
    clientId,
    clientSecret: env.ZD_OIDC_CLIENT_SECRET || undefined,
    claim: env.ZD_OIDC_CLAIM?.trim() || 'email',
    redirectUri,
    name: env.ZD_OIDC_NAME?.trim() || new URL(issuer).host,
  };
}

/** A tile server: a `{z}/{x}/{y}` URL template (with `{s}` for its sub-domains, if any) and the credit it asks for. */
interface MapTiles {
  url: string;
  attribution: string;
}

export const openStreetMapTiles: MapTiles = {
  url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png',
  attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
};

/** The tile settings, checked: an http(s) or same-site URL template with {z}, {x} and {y}. */
export function mapTiles(url: string | undefined, attribution: string | undefined): MapTiles {
  if (!url) return { url: openStreetMapTiles.url, attribution: attribution || openStreetMapTiles.attribution };
  if (!/^(https?:\/\/[^/]+)?\//.test(url) || !['{z}', '{x}', '{y}'].every((p) => url.includes(p))) {
    throw new Error(`ZD_MAP_TILES_URL must be an http(s) URL template with {z}, {x} and {y}, got "${url}"`);
  }
  return { url, attribution: attribution ?? '' };
}

/** The origin the browser fetches tiles from, as a Content-Security-Policy source (null: this server). */
export function tileSource(tiles: MapTiles): string | null {
  const m = /^(https?:)\/\/([^/]+)/.exec(tiles.url);
  return m ? `${m[1]}//${m[2].replaceAll('{s}', '*')}` : null;
}

function logFormat(value: string | undefined): Config['logFormat'] {
  if (value === 'json' || value === 'pretty') return value;
  if (value) throw new Error(`ZD_LOG_FORMAT must be json or pretty, got "${value}"`);
  return process.stdout.isTTY ? 'pretty' : 'json';
}

function int(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`expected a whole number, got "${value}"`);
  return n;
}

const megabyte = 1024 * 1024;

export const serverRoles = ['all', 'web', 'worker'] as const;
export type ServerRole = (typeof serverRoles)[number];

function serverRole(value: string | undefined): ServerRole {
  if (value === undefined || value === '') return 'all';
  if (!(serverRoles as readonly string[]).includes(value)) throw new Error(`ZD_ROLE must be one of ${serverRoles.join(', ')}, got "${value}"`);
  return value as ServerRole;
}

/** A period such as 24h, 30m, 1d or 90s, in milliseconds. */
export function period(value: string | undefined, fallbackMs: number, name: string): number {
  if (value === undefined || value === '') return fallbackMs;
  const m = /^(\d+)\s*(s|m|h|d)$/.exec(value.trim());
  if (!m || Number(m[1]) === 0) throw new Error(`${name} must be a period such as 24h, 6h, 30m or 1d, got "${value}"`);
  return Number(m[1]) * { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 's' | 'm' | 'h' | 'd'];
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  return {
    host: env.HOST ?? '0.0.0.0',
    port: int(env.PORT, 8080),
    dataDir: path.resolve(env.ZD_DATA_DIR ?? './data'),
    databasePoolSize: Math.max(1, int(env.ZD_DB_POOL_SIZE, 10)),
    databaseUrl: env.DATABASE_URL || undefined,
    adminUser: env.ZD_ADMIN_USER || 'admin',
    adminPassword: env.ZD_ADMIN_PASSWORD || undefined,
    demo: env.ZD_DEMO !== '0',
    logLevel: env.LOG_LEVEL ?? 'info',
    logFormat: logFormat(env.ZD_LOG_FORMAT),
    secureCookies: env.ZD_SECURE_COOKIES === '1',
    sessionHours: int(env.ZD_SESSION_HOURS, 12),
    rateLimits: {
      signInPerMinute: int(env.ZD_RATE_SIGN_IN, 10),
      anonymousWritesPerMinute: int(env.ZD_RATE_ANONYMOUS_WRITES, 30),
      trackingPerMinute: int(env.ZD_RATE_TRACKING, 60),
    },
    attachmentQuotas: {
      perPetitionBytes: int(env.ZD_ATTACHMENT_QUOTA_PETITION_MB, 50) * megabyte,
      perResidentBytes: int(env.ZD_ATTACHMENT_QUOTA_RESIDENT_MB, 200) * megabyte,
    },
    auditSigningKey: env.ZD_AUDIT_SIGNING_KEY || undefined,
    auditAnchorDir: path.resolve(env.ZD_AUDIT_ANCHOR_DIR || path.join(env.ZD_DATA_DIR ?? './data', 'audit-anchors')),
    jobPollMs: int(env.ZD_JOB_POLL_MS, 5000),
    role: serverRole(env.ZD_ROLE),
    smtpUrl: env.ZD_SMTP_URL || undefined,
    publicUrl: (env.ZD_PUBLIC_URL || `http://localhost:${int(env.PORT, 8080)}`).replace(/\/+$/, ''),
    mailFrom: env.ZD_MAIL_FROM || 'Zero Distance <no-reply@localhost>',
    smsWebhookUrl: env.ZD_SMS_WEBHOOK_URL || undefined,
    smsWebhookTimeoutMs: int(env.ZD_SMS_WEBHOOK_TIMEOUT_MS, 10_000),
    metricsToken: env.ZD_METRICS_TOKEN || undefined,
    reportFont: env.ZD_REPORT_FONT ? path.resolve(env.ZD_REPORT_FONT) : undefined,
    mapTiles: mapTiles(env.ZD_MAP_TILES_URL || undefined, env.ZD_MAP_TILES_ATTRIBUTION),
    backupDir: env.ZD_BACKUP_DIR ? path.resolve(env.ZD_BACKUP_DIR) : undefined,
    backupEveryMs: period(env.ZD_BACKUP_EVERY, 86_400_000, 'ZD_BACKUP_EVERY'),
    backupKeep: Math.max(1, int(env.ZD_BACKUP_KEEP, 7)),
    oidc: oidcSettings(env),
  };
}

/** Overrides of a test configuration; a rate limit left out keeps its default. */
export type ConfigOverrides = Partial<Omit<Config, 'rateLimits'>> & { rateLimits?: Partial<Config['rateLimits']> };

/** A configuration for tests and tools: defaults, overridden field by field. */
export function testConfig(overrides: ConfigOverrides = {}): Config {
  const base = loadConfig({});
  // Tests write no anchor files unless they ask for them (the default folder is the repository's data/).
  return { ...base, logLevel: 'silent', demo: false, auditAnchorDir: null, ...overrides, rateLimits: { ...base.rateLimits, ...overrides.rateLimits } };
}
