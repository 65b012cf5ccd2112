/**
 * Published articles for the search paths: `--articles 1e5` of them, in Vietnamese (80%), Chinese
 * (15%) and English, at communes, provinces and the country. A third of them take up one of the
 * workload's resident texts (so that the bench's questions find something), among words drawn from a
 * generated vocabulary of a few thousand syllables or characters with a long tail, as real
 * prose has: a search then meets both common terms with long posting lists and rare ones. The
 * terms are the server's own (knowledge.index.ts), so the index is what publishing would build.
 */
import { sql, type Kysely } from 'kysely';
import type { DB } from '../server/schema.ts';
import { articleTerms } from '../server/modules/knowledge/knowledge.index.ts';
import { Random } from './random.ts';
import { allTexts, type Language, type Text } from './texts.ts';
import { setAsideIndexes, restoreIndexes, type CopyTarget } from './load.ts';
import type { World } from './workload.ts';

const articleTables = ['articles', 'article_versions', 'article_terms', 'article_term_counts'] as const;

const articleColumns = ['id', 'kind', 'state', 'unit_id', 'unit_path', 'category', 'version', 'published_version', 'author_id', 'submitted_at', 'reviewed_by', 'published_at', 'created_at', 'updated_at'];
const versionColumns = ['article_id', 'version', 'language', 'title', 'body', 'author_id', 'created_at'];
const termColumns = ['article_id', 'language', 'term', 'weight', 'unit_path'];

/** A value in COPY's text format. */
const copyValue = (v: string | number | null) => (v === null ? '\\N' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r'));
const copyLine = (values: Array<string | number | null>) => `${values.map(copyValue).join('\t')}\n`;

/** Vietnamese syllables: onset, a vowel with one of six tones, a final. */
function vietnameseSyllables(random: Random, count: number): string[] {
  const onsets = ['', 'b', 'c', 'ch', 'd', 'đ', 'g', 'gi', 'h', 'k', 'kh', 'l', 'm', 'n', 'ng', 'nh', 'ph', 'qu', 'r', 's', 't', 'th', 'tr', 'v', 'x'];
  const vowels = ['aàáảãạ', 'ăằắẳẵặ', 'âầấẩẫậ', 'eèéẻẽẹ', 'êềếểễệ', 'iìíỉĩị', 'oòóỏõọ', 'ôồốổỗộ', 'ơờớởỡợ', 'uùúủũụ', 'ưừứửữự', 'yỳýỷỹỵ'].map((v) => [...v]);
  const finals = ['', 'n', 'ng', 'm', 'c', 't', 'nh', 'i', 'u', 'p', 'ch', 'o'];
  const all: string[] = [];
  for (const o of onsets) for (const v of vowels) for (const t of v) for (const f of finals) all.push(o + t + f);
  return shuffled(random, all).slice(0, count);
}

function latinWords(random: Random, count: number): string[] {
  const parts = ['ba', 'con', 'dis', 'ter', 'ment', 'ing', 'pro', 'vi', 'sion', 'al', 'ty', 're', 'port', 'com', 'mu', 'ne', 'ser', 'vice', 'land', 'road', 'ward', 'pub', 'lic', 'fee', 'form', 'ca', 'tion', 'ap', 'ply', 'grant'];
  const out = new Set<string>();
  while (out.size < count) out.add(Array.from({ length: 2 + random.int(2) }, () => pick(random, parts)).join(''));
  return [...out];
}

/** Common Chinese characters: the first block of the unified ideographs, in a shuffled order of frequency. */
function chineseCharacters(random: Random, count: number): string[] {
  return shuffled(random, Array.from({ length: 6000 }, (_, i) => String.fromCodePoint(0x4e00 + i))).slice(0, count);
}

const pick = <T>(random: Random, items: readonly T[]): T => items[random.int(items.length)];

function shuffled<T>(random: Random, items: T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = random.int(i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A word of the vocabulary, the first ones far more often than the last (a Zipf-like head and tail). */
const zipf = (random: Random, vocabulary: string[]) => vocabulary[Math.floor(vocabulary.length * Math.pow(random.next(), 3))];

function prose(random: Random, language: Language, vocabulary: string[], words: number): string {
  if (language === 'zh') {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(zipf(random, vocabulary) + (random.next() < 0.4 ? zipf(random, vocabulary) : '') + (random.next() < 0.1 ? '，' : ''));
    return `${out.join('')}。`;
  }
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(zipf(random, vocabulary) + (random.next() < 0.08 ? ',' : ''));
  return `${out.join(' ')}.`;
}

export interface ArticleLoad {
  articles: number;
  terms: number;
  seconds: number;
}

/** Loads `count` published articles with their texts and search terms (indexes set aside and built again). */
export async function loadArticles(
  db: Kysely<DB>,
  target: CopyTarget,
  world: World,
  opts: { count: number; seed: string; now: number; runStatement: (statement: string) => Promise<void>; onProgress?: (done: number, total: number, phase: string) => void },
): Promise<ArticleLoad> {
  const started = performance.now();
  const random = new Random(`${opts.seed}:articles`);
  const vocabulary: Record<Language, string[]> = {
    vi: vietnameseSyllables(random.fork('vi'), 5000),
    zh: chineseCharacters(random.fork('zh'), 3500),
    en: latinWords(random.fork('en'), 5000),
  };
  const texts: Record<Language, Text[]> = { vi: [], zh: [], en: [] };
  for (const t of allTexts()) texts[t.language].push(t);
  const first = Number((await sql<{ n: number }>`SELECT coalesce(max(id), 0)::bigint + 1 AS n FROM articles`.execute(db)).rows[0].n);
  const aside = await setAsideIndexes(db, articleTables);
  const sinks = {
    articles: await target.open('articles', articleColumns),
    article_versions: await target.open('article_versions', versionColumns),
    article_terms: await target.open('article_terms', termColumns),
  };
  let terms = 0;
  const size = 2000;
  try {
    for (let done = 0; done < opts.count; ) {
      const n = Math.min(size, opts.count - done);
      let a = '';
      let v = '';
      let tm = '';
      for (let i = 0; i < n; i++) {
        const id = first + done + i;
        const r = random.next();
        const language: Language = r < 0.8 ? 'vi' : r < 0.95 ? 'zh' : 'en';
        const where = random.next();
        const commune = pick(random, world.communes);
        const unit = where < 0.05 ? world.country : where < 0.3 ? world.provinces[commune.province] : commune;
        const author = where < 0.3 ? world.provinces[commune.province].officials.leader : commune.officials.leader;
        const kind = random.next() < 0.5 ? 'answer' : random.next() < 0.8 ? 'guide' : 'announcement';
        // A third of the articles take up one of the residents' texts (its title and words):
        // the bench's questions then find some hundreds of articles, not every tenth one.
        const x = random.next() < 0.35 ? pick(random, texts[language]) : null;
        const title = x?.title ?? prose(random, language, vocabulary[language], 4 + random.int(6));
        const body = [prose(random, language, vocabulary[language], 20 + random.int(40)), x?.body ?? '', prose(random, language, vocabulary[language], 20 + random.int(60))].join(' ');
        const at = new Date(opts.now - random.int(3 * 365) * 86_400_000).toISOString();
        a += copyLine([id, kind, 'published', unit.id, unit.path, x?.category ?? null, 1, 1, author, at, author, at, at, at]);
        v += copyLine([id, 1, language, title, body, author, at]);
        for (const t of articleTerms([{ language, title, body, guide: null }])) {
          tm += copyLine([id, t.language, t.term, t.weight, unit.path]);
          terms++;
        }
      }
      await sinks.articles.write(a);
      await Promise.all([sinks.article_versions.write(v), sinks.article_terms.write(tm)]);
      done += n;
      opts.onProgress?.(done, opts.count, 'articles');
    }
    await Promise.all(Object.values(sinks).map((s) => s.end()));
  } catch (e) {
    await Promise.allSettled(Object.values(sinks).map((s) => s.end()));
    throw e;
  }
  await restoreIndexes(opts.runStatement, aside, 2);
  // What publishing keeps one article at a time, counted once over the loaded postings.
  await opts.runStatement(`INSERT INTO article_term_counts (term, articles)
    SELECT term, count(DISTINCT article_id) FROM article_terms GROUP BY term
    ON CONFLICT (term) DO UPDATE SET articles = excluded.articles`);
  await sql`SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT max(id) FROM articles))`.execute(db);
  for (const t of articleTables) await opts.runStatement(`VACUUM (ANALYZE) ${t}`);
  return { articles: opts.count, terms, seconds: (performance.now() - started) / 1000 };
}
