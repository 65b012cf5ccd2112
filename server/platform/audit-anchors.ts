/**
 * Published checkpoints: the audit trail's anchors outside its own tables. A checkpoint seals
 * every chain's head, but someone who deletes the newest events and the checkpoints that
 * sealed them leaves a shorter trail that is consistent in itself. So each checkpoint's hash
 * is published where deleting it is visible: on the public figures (GET /api/v1/figures,
 * `auditCheckpoint`) and in a signed daily file (ZD_AUDIT_ANCHOR_DIR/<day>.json, Ed25519).
 * `audit verify --published` compares the database with them and reports a trail cut back.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { DB } from '../schema.ts';
import type { Config } from './config.ts';
import { canonicalJson } from './audit.ts';

/** What is published of a checkpoint. */
export interface PublishedCheckpoint {
  id: number;
  createdAt: string;
  /** Every event up to this id was sealed. */
  maxEventId: number;
  eventCount: number;
  hash: string;
}

/** One day's signed anchor file. */
interface AnchorFile {
  day: string;
  checkpoint: PublishedCheckpoint;
  /** The Ed25519 public key (PEM, SPKI) the signature verifies with. */
  publicKey: string;
  /** Base64 Ed25519 signature over canonicalJson({ day, checkpoint }). */
  signature: string;
}

export async function latestCheckpoint(db: Kysely<DB>): Promise<PublishedCheckpoint | null> {
  const row = await db
    .selectFrom('audit_checkpoints')
    .select(['id', 'created_at', 'max_event_id', 'event_count', 'hash'])
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return { id: Number(row.id), createdAt: row.created_at.toISOString(), maxEventId: Number(row.max_event_id), eventCount: Number(row.event_count), hash: row.hash };
}

export const signingKeyFile = (dataDir: string) => path.join(dataDir, 'audit-signing-key.pem');

/**
 * The deployment's signing key: the setting ZD_AUDIT_SIGNING_KEY (a PEM Ed25519 private key),
 * else <dataDir>/audit-signing-key.pem, created on first use and readable by its owner only.
 */
export function signingKey(config: Pick<Config, 'dataDir' | 'auditSigningKey'>): crypto.KeyObject {
  if (config.auditSigningKey) return ed25519Private(config.auditSigningKey);
  const file = signingKeyFile(config.dataDir);
  if (!fs.existsSync(file)) {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // 'wx': two processes starting at once do not overwrite each other's key.
    try {
      fs.writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return ed25519Private(fs.readFileSync(file, 'utf8'));
}

function ed25519Private(pem: string): crypto.KeyObject {
  const key = crypto.createPrivateKey(pem);
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the audit signing key must be an Ed25519 private key');
  return key;
}

const signedPart = (day: string, checkpoint: PublishedCheckpoint) => Buffer.from(canonicalJson({ day, checkpoint }));

export function signAnchor(key: crypto.KeyObject, day: string, checkpoint: PublishedCheckpoint): AnchorFile {
  return {
    day,
    checkpoint,
    publicKey: crypto.createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString(),
    signature: crypto.sign(null, signedPart(day, checkpoint), key).toString('base64'),
  };
}

/**
 * The checkpoint an anchor file vouches for; throws when its signature does not verify, or
 * when it was signed by another key than the one expected.
 */
export function checkAnchor(file: AnchorFile, expectedPublicKey?: string): PublishedCheckpoint {
  const key = crypto.createPublicKey(file.publicKey);
  if (expectedPublicKey && !key.equals(crypto.createPublicKey(expectedPublicKey))) throw new Error(`anchor of ${file.day}: signed by another key`);
  if (!crypto.verify(null, signedPart(file.day, file.checkpoint), key, Buffer.from(file.signature, 'base64'))) {
    throw new Error(`anchor of ${file.day}: the signature does not match its content`);
  }
  return file.checkpoint;
}

/** Writes the day's anchor file for the latest checkpoint; null when there is no checkpoint or no folder. */
export async function writeAnchorFile(
  db: Kysely<DB>,
  config: Pick<Config, 'dataDir' | 'auditSigningKey' | 'auditAnchorDir'>,
  day: string,
): Promise<string | null> {
  const checkpoint = await latestCheckpoint(db);
  if (!checkpoint || !config.auditAnchorDir) return null;
  const file = path.join(config.auditAnchorDir, `${day}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify(signAnchor(signingKey(config), day, checkpoint), null, 2)}\n`);
  fs.renameSync(temp, file);
  return file;
}

/** Anchor files from a file or a folder of them (*.json). */
export function readAnchorFiles(where: string): AnchorFile[] {
  const files = fs.statSync(where).isDirectory()
    ? fs.readdirSync(where).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(where, f))
    : [where];
  return files.map((f) => JSON.parse(fs.readFileSync(f, 'utf8')) as AnchorFile);
}
