import { Type, type Static } from 'typebox';
import { CategoryKey, Nullable, UnitRef } from '../../platform/shapes.ts';

const Text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description ? { description } : {}) });
const DateTime = Type.String({ format: 'date-time' });
const Id = Type.Integer({ minimum: 1, maximum: 2 ** 53 - 1 });

export const PetitionParams = Type.Object({ id: Id });

const Confidence = Type.Number({ minimum: 0, maximum: 1, description: "the model's probability among the choices it may make, 0…1" });

export const RoutingSuggestion = Type.Object({
  petition: Type.Integer(),
  version: Type.Integer({ description: "the petition's version, for the apply call" }),
  current: Type.Object({ category: Nullable(Type.String()), agency: Nullable(Type.Integer()) }),
  categories: Type.Array(Type.Object({ category: Type.String(), confidence: Confidence }), { maxItems: 3 }),
  agencies: Type.Array(
    Type.Object({
      id: Type.Integer(),
      name: Type.String(),
      names: Type.Record(Type.String(), Type.String()),
      unit: UnitRef,
      confidence: Confidence,
    }),
    { maxItems: 3 },
  ),
  trainedAt: Nullable(DateTime),
  accuracy: Type.Object({ category: Nullable(Type.Number()), agency: Nullable(Type.Number()) }, { description: 'of the first suggestion on held-out history' }),
});
export type RoutingSuggestion = Static<typeof RoutingSuggestion>;

export const RouteBody = Type.Object(
  {
    category: Type.Optional(CategoryKey),
    agency: Type.Optional(Id),
    version: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);

export const RouteOutcome = Type.Object({ category: Nullable(Type.String()), agency: Nullable(Type.Integer()) });

const ModelFigures = Type.Object({
  target: Type.Enum(['category', 'agency']),
  trainedAt: DateTime,
  examples: Type.Integer({ description: 'routed petitions the model learned from' }),
  heldOut: Type.Integer({ description: 'the newest fifth, held out to measure a model trained on the rest' }),
  labels: Type.Integer({ description: 'categories or agencies it knows' }),
  accuracy: Nullable(Type.Number({ description: 'the first suggestion was the one the dispatcher chose' })),
  top3Accuracy: Nullable(Type.Number({ description: 'the choice was among the three suggested' })),
  baseline: Nullable(Type.Number({ description: 'always suggesting the most frequent choice' })),
});

export const RoutingFigures = Type.Object({ models: Type.Array(ModelFigures) });
export type RoutingFigures = Static<typeof RoutingFigures>;

export const TrainAccepted = Type.Object({ queued: Type.Boolean() });

export const HotspotQuery = Type.Object(
  {
    unit: Type.Optional(Text(64, 'a unit code: its subtree')),
    weeks: Type.Optional(Type.Integer({ minimum: 1, maximum: 52, description: 'flagged in the last so many weeks (8 when neither weeks nor from and to are given)' })),
    from: Type.Optional(Type.String({ format: 'date', pattern: '^(19|20)[0-9]{2}-', description: "YYYY-MM-DD: hotspots whose week ended on this day or later (the unit's local day); with to" })),
    to: Type.Optional(Type.String({ format: 'date', pattern: '^(19|20)[0-9]{2}-', description: 'YYYY-MM-DD: … and on this day or earlier; with from' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 50 })),
  },
  { additionalProperties: false },
);
export type HotspotQuery = Static<typeof HotspotQuery>;

export const HotspotView = Type.Object({
  id: Type.Integer(),
  unit: Type.Object({ code: Type.String(), name: Type.String() }),
  category: Type.String(),
  weekEnd: DateTime,
  count: Type.Integer({ description: 'petitions in the seven days to weekEnd' }),
  baseline: Type.Number({ description: 'a week on average over the eight weeks before' }),
  score: Type.Number({ description: 'how many ordinary deviations above the baseline' }),
  flaggedAt: DateTime,
  petitions: Type.Array(
    Type.Object({
      id: Type.Integer(),
      trackingCode: Type.String(),
      kind: Type.String(),
      status: Type.String(),
      title: Type.String(),
      submittedAt: DateTime,
    }),
  ),
});
export type HotspotView = Static<typeof HotspotView>;

export const HotspotList = Type.Object({ items: Type.Array(HotspotView) });
