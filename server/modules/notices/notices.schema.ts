import { Type, type Static } from 'typebox';
import { Cursor } from '../../platform/shapes.ts';

export const NoticeView = Type.Object({
  id: Type.Integer(),
  /** The template's name: what kind of notice this is (e.g. petition_assigned). */
  kind: Type.String(),
  /** The notice in the reader's language (Accept-Language). */
  title: Type.String(),
  text: Type.String(),
  subject: Type.Union([Type.Object({ type: Type.String(), id: Type.String() }), Type.Null()], {
    description: 'what the notice is about, e.g. { "type": "petition", "id": "42" }',
  }),
  read: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  readAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
export type NoticeView = Static<typeof NoticeView>;

export const NoticeList = Type.Object({
  items: Type.Array(NoticeView),
  next: Type.Optional(Type.String()),
});

export const NoticesQuery = Type.Object(
  {
    unread: Type.Optional(Type.Boolean({ description: 'true: only unread notices; false: only read ones' })),
    cursor: Type.Optional(Cursor),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  },
  { additionalProperties: false },
);
export type NoticesQuery = Static<typeof NoticesQuery>;

export const UnreadCount = Type.Object({ unread: Type.Integer() });

// Ids are bigint in the database; a larger number would fail in SQL rather than be "not found".
export const NoticeParams = Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }, { additionalProperties: false });

export const NoticeAction = Type.Union([Type.Object({ type: Type.Literal('read') }, { additionalProperties: false })]);
export type NoticeAction = Static<typeof NoticeAction>;
