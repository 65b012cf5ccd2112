/** Intake requests as residents send them through the web: the same mix as the loaded data. */
import { Random, Weighted } from './random.ts';
import { allTexts, type Language, type Text } from './texts.ts';
import { kindMix, languageMix, type World } from './workload.ts';
import type { IntakeBody } from '../server/modules/petitions/petitions.schema.ts';

export class IntakeRequests {
  readonly #random: Random;
  readonly #world: World;
  readonly #communes: Weighted<number>;
  readonly #kinds = new Weighted(kindMix);
  readonly #languages = new Weighted(languageMix);
  readonly #texts = new Map<string, Text[]>();

  constructor(world: World, seed: string) {
    this.#world = world;
    this.#random = new Random(`${seed}:intake`);
    this.#communes = new Weighted(world.communes.map((c, i) => [i, c.weight] as const));
    for (const t of allTexts()) {
      const key = `${t.kind}:${t.language}`;
      if (!this.#texts.has(key)) this.#texts.set(key, []);
      this.#texts.get(key)!.push(t);
    }
  }

  next(): IntakeBody {
    const r = this.#random;
    const commune = this.#world.communes[this.#communes.pick(r)];
    const unit = r.chance(0.35) && commune.villages.length ? r.pick(commune.villages) : commune;
    const kind = this.#kinds.pick(r);
    const language: Language = this.#languages.pick(r);
    const text = r.pick(this.#texts.get(`${kind}:${language}`)!);
    const identified = kind === 'complaint' || kind === 'denunciation' || r.chance(0.8);
    return {
      unit: unit.code,
      kind,
      title: text.title,
      body: text.body,
      category: text.category,
      language,
      ...(identified
        ? { resident: { name: 'Nguyễn Văn An', phone: `09${r.pick(['1', '4', '8', '7', '6'])}${String(r.int(10_000_000)).padStart(7, '0')}` } }
        : { anonymous: true }),
      ...(kind === 'help_request' && r.chance(0.05) ? { urgent: true } : {}),
    };
  }
}
