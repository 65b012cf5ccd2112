/**
 * The demo's knowledge base: the procedures the articles say residents do not know (converting
 * land use, wills, splitting a household) and a few more that petitions keep asking about, in
 * Vietnamese, Chinese and English (demo.articles.json). Written by an official of the unit and
 * approved by another.
 */
import { Type } from 'typebox';
import { LocaleField, readDataFile } from '../../platform/dataFile.ts';
import { Nullable } from '../../platform/shapes.ts';

const DemoArticle = Type.Object({
  ref: Type.String(),
  /** A published answer needs its petition; the demo's questions asked again and again are guides. */
  kind: Type.Union([Type.Literal('guide'), Type.Literal('announcement')]),
  category: Type.String(),
  unit: Type.String(),
  /** usernames of demo officials: who writes it, who approves it */
  author: Type.String(),
  reviewer: Type.String(),
  texts: Type.Array(
    Type.Object(
      {
        language: LocaleField,
        title: Type.String(),
        body: Type.String(),
        guide: Type.Optional(
          Type.Object({
            steps: Type.Array(Type.String()),
            papers: Type.Array(Type.String()),
            fees: Nullable(Type.String()),
            timeLimit: Nullable(Type.String()),
            whereToGo: Nullable(Type.String()),
          }),
        ),
      },
      // a misspelt "guide" would otherwise seed the article without its steps
      { additionalProperties: false },
    ),
  ),
});

export const demoArticles = readDataFile(new URL('./demo.articles.json', import.meta.url), Type.Array(DemoArticle));
