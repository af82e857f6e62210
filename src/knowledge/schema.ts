/**
 * The shape of every knowledge file, as zod schemas. Knowledge is data: these schemas are the
 * only place that says what a valid entry looks like.
 *
 * @example
 * const parsed = schemas().KnowledgeFileSchema.safeParse(yaml.parse(text));
 */
import type { z as Z } from 'zod';
import { lazily, zod } from './zod.js';

export const PACKAGE_KINDS = ['framework', 'library', 'stdlib', 'database', 'tool'] as const;

/** Where an article calls a package the standard (default, go-to) or the most popular choice for its job. */
export const STANDINGS = ['standard', 'popular'] as const;

export const CONCEPT_KINDS = ['concept', 'faq'] as const;

/** The schemas, built with zod on first use (see zod.ts). */
function build(z: typeof Z) {
  /** Lower-case slug: letters, digits and single hyphens, e.g. `django-orm`. */
  const IdSchema = z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lower-case slug such as "django-orm"')
    .max(60);

  const Line = z.string().trim().min(1, 'must not be empty');
  const Short = (max: number) => Line.max(max, `must be at most ${max} characters`);
  const SourceIds = z.array(IdSchema).min(1, 'cite at least one source');

  const SourceSchema = z.strictObject({
    id: IdSchema,
    title: Short(150),
    url: z.url().optional(),
    about: Short(300),
  });

  /** The comparable attributes of a framework, with the articles' own ratings where they give one. */
  const AttributesSchema = z
    .strictObject({
      primary_use: Short(120),
      performance: Short(80),
      development_speed: Short(80),
      flexibility: Short(80),
      talent_pool: Short(80),
      best_for: Short(160),
      main_strength: Short(160),
      async: Short(120),
      built_ins: Short(200),
    })
    .partial();

  /** Completes "Pick it when …": the words after those, lower-case start, no closing full stop. */
  const PickWhen = Short(160)
    .refine((s) => !/^pick it when\b/i.test(s), 'leave out "Pick it when"; write only what follows it')
    .refine((s) => !/^[A-Z]/.test(s), 'start in lower case: it completes "Pick it when …"')
    .refine((s) => !s.endsWith('.'), 'leave off the closing full stop');

  const PackageSchema = z.strictObject({
    id: IdSchema,
    name: Short(60),
    aliases: z.array(Short(60)).default([]),
    kind: z.enum(PACKAGE_KINDS),
    category: Short(60),
    summary: Short(220),
    use_cases: z.array(Short(80)).min(1, 'list at least one use case'),
    why: z.array(Short(200)).min(1, 'give at least one reason people pick it'),
    /** What sets it apart from its alternatives, completing "Pick it when …". */
    pick_when: PickWhen.optional(),
    /** Only where an article calls it the standard or the most popular choice for its job. */
    standing: z.enum(STANDINGS).optional(),
    /** Only where the articles speak of its production use, scale, maturity or who runs it. */
    production: Short(220).optional(),
    alternatives: z.array(IdSchema).default([]),
    related: z.array(IdSchema).default([]),
    install: Short(80).optional(),
    attributes: AttributesSchema.optional(),
    sources: SourceIds,
  });

  const ChecklistSchema = z.strictObject({
    id: IdSchema,
    title: Short(100),
    aliases: z.array(Short(80)).default([]),
    summary: Short(300),
    ordered: z.boolean().default(true),
    items: z.array(Short(300)).min(2, 'a checklist needs at least two items').max(30),
    related: z.array(IdSchema).default([]),
    sources: SourceIds,
  });

  const StackSchema = z.strictObject({
    id: IdSchema,
    title: Short(100),
    role: Short(40),
    aliases: z.array(Short(80)).default([]),
    summary: Short(300),
    layers: z
      .array(
        z.strictObject({
          layer: Short(40),
          picks: z.array(Short(80)).min(1),
        }),
      )
      .min(2),
    packages: z.array(IdSchema).default([]),
    good_for: z.array(Short(120)).default([]),
    related: z.array(IdSchema).default([]),
    sources: SourceIds,
  });

  const ConceptSchema = z.strictObject({
    id: IdSchema,
    title: Short(120),
    kind: z.enum(CONCEPT_KINDS).default('concept'),
    aliases: z.array(Short(80)).default([]),
    summary: Short(400),
    points: z.array(Short(300)).default([]),
    related: z.array(IdSchema).default([]),
    sources: SourceIds,
  });

  const TipSchema = z.strictObject({
    id: IdSchema,
    text: Short(280),
    related: z.array(IdSchema).default([]),
    sources: SourceIds,
  });

  /** Names outside the Python stack, by kind, so out-of-scope questions are recognised (not answered). */
  const OutsideSchema = z.record(
    z.string().regex(/^[a-z]+$/, 'must be a lower-case kind such as "languages"'),
    z.array(Short(40).transform((s) => s.toLowerCase().replace(/\s+/g, ' '))).min(1),
  );

  /**
   * Another stack's tools by the category of Python packages that does their job ("Testing": jest, junit), so "the
   * python equivalent of jest" asks for that category's picks. Each name must also be listed outside.
   */
  const CounterpartsSchema = z.record(
    Short(60),
    z.array(Short(40).transform((s) => s.toLowerCase().replace(/\s+/g, ' '))).min(1),
  );

  /** One YAML file holds one or more of these lists; files of the same kind are merged. */
  const KnowledgeFileSchema = z.strictObject({
    outside: OutsideSchema.optional(),
    counterparts: CounterpartsSchema.optional(),
    sources: z.array(SourceSchema).optional(),
    packages: z.array(PackageSchema).optional(),
    checklists: z.array(ChecklistSchema).optional(),
    stacks: z.array(StackSchema).optional(),
    concepts: z.array(ConceptSchema).optional(),
    tips: z.array(TipSchema).optional(),
  });

  return {
    IdSchema,
    SourceSchema,
    AttributesSchema,
    PackageSchema,
    ChecklistSchema,
    StackSchema,
    ConceptSchema,
    TipSchema,
    OutsideSchema,
    KnowledgeFileSchema,
  };
}

export const schemas = lazily(() => build(zod()));
type Schemas = ReturnType<typeof build>;

export type Source = Z.infer<Schemas['SourceSchema']>;
export type Attributes = Z.infer<Schemas['AttributesSchema']>;
export type Package = Z.infer<Schemas['PackageSchema']>;
export type Standing = (typeof STANDINGS)[number];
export type Checklist = Z.infer<Schemas['ChecklistSchema']>;
export type Stack = Z.infer<Schemas['StackSchema']>;
export type Concept = Z.infer<Schemas['ConceptSchema']>;
export type Tip = Z.infer<Schemas['TipSchema']>;
export type KnowledgeFile = Z.infer<Schemas['KnowledgeFileSchema']>;
