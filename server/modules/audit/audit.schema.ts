import { Type, type Static } from 'typebox';
import { Cursor, Nullable, UnitCode, UnitRef } from '../../platform/shapes.ts';

export const AuditQuery = Type.Object(
  {
    subject: Type.Optional(
      Type.String({
        maxLength: 200,
        pattern: '^[a-z][a-z0-9_.-]*:.+$',
        description: 'one chain: "<type>:<id>", e.g. petition:42, account:7',
      }),
    ),
    unit: Type.Optional(UnitCode('a unit code: events of this unit and the units below it')),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditEventView = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actor: Type.Object({
    id: Type.Union([Type.Integer(), Type.Null()], { description: 'the account, when an official or resident acted' }),
    label: Type.String({ description: 'official:<username>, resident:<id>, anonymous or system:<what>' }),
  }),
  action: Type.String(),
  subject: Type.Object({ type: Type.String(), id: Type.String() }),
  unit: Nullable(UnitRef, 'null: an event of no unit (the deployment)'),
  changes: Type.Record(Type.String(), Type.Unknown(), { description: 'what changed, as the command recorded it' }),
});
export type AuditEventView = Static<typeof AuditEventView>;

export const AuditList = Type.Object({
  items: Type.Array(AuditEventView),
  next: Type.Optional(Type.String()),
});

export const VerificationQuery = Type.Object(
  {
    subject: Type.String({ maxLength: 200, pattern: '^[a-z][a-z0-9_.-]*:.+$', description: 'one chain: "<type>:<id>", e.g. petition:42' }),
  },
  { additionalProperties: false },
);

export const ChainVerificationView = Type.Object({
  subject: Type.Object({ type: Type.String(), id: Type.String() }),
  ok: Type.Boolean({ description: 'every event matches its hash and links to the one before; the head is the one the checkpoint sealed' }),
  events: Type.Integer(),
  firstBad: Type.Optional(
    Type.Object({ id: Type.Union([Type.Integer(), Type.Null()]), reason: Type.String({ description: 'what is wrong, in English, as `audit verify` prints it' }) }),
  ),
  sealedBy: Type.Union([Type.Integer(), Type.Null()], { description: 'the checkpoint that last sealed this chain' }),
  unsealed: Type.Integer({ description: 'events written after that checkpoint, protected by the chain alone until the next one' }),
  latestCheckpoint: Type.Union([
    Type.Object({ id: Type.Integer(), createdAt: Type.String({ format: 'date-time' }), hash: Type.String({ description: 'compare with the copy kept outside the database' }) }),
    Type.Null(),
  ]),
});
export type ChainVerificationView = Static<typeof ChainVerificationView>;
