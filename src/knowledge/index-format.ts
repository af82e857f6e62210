/**
 * A compact file form of Lunr's serialised index. Lunr's own JSON repeats every entry id once
 * per word it holds (`"django-rest-framework":{}`) and once per field vector; here ids are
 * numbers into one list, so the file is under half the size and quicker to parse. `unpack`
 * gives back what `index.toJSON()` gave, for `lunr.Index.load`, with postings made on first
 * read and one shared empty object in place of a million empty ones (the index keeps no metadata).
 *
 * @example
 * const same = lunr.Index.load(unpack(JSON.parse(JSON.stringify(pack(index.toJSON())))));
 */

/** The parts of Lunr's serialised index this module reads and writes. */
export interface LunrJson {
  version: string;
  fields: string[];
  /** `["field/ref", [termIndex, weight, ...]]` */
  fieldVectors: [string, number[]][];
  /** `[term, { _index, field: { ref: {} } }]`, terms in sorted order. */
  invertedIndex: [string, Record<string, unknown>][];
  pipeline: string[];
}

export interface Packed {
  version: string;
  fields: string[];
  pipeline: string[];
  refs: string[];
  /** `[field number, ref number, vector]` in Lunr's order. */
  vectors: [number, number, number[]][];
  /** `[term, termIndex, ref numbers for field 0, for field 1, ...]` */
  terms: [string, number, ...number[][]][];
}

const EMPTY: object = Object.freeze(Object.create(null));

export function pack(json: LunrJson): Packed {
  const numbers = new Map<string, number>();
  const refs: string[] = [];
  const num = (ref: string) => {
    let n = numbers.get(ref);
    if (n === undefined) numbers.set(ref, (n = refs.push(ref) - 1));
    return n;
  };
  const vectors = json.fieldVectors.map(([key, v]): [number, number, number[]] => {
    const slash = key.indexOf('/');
    return [json.fields.indexOf(key.slice(0, slash)), num(key.slice(slash + 1)), v];
  });
  const terms = json.invertedIndex.map(([term, posting]): Packed['terms'][number] => [
    term,
    posting._index as number,
    ...json.fields.map((f) => {
      const docs = posting[f] as Record<string, object>;
      for (const ref in docs) if (Object.keys(docs[ref] as object).length) throw new Error('postings carry metadata, which the compact index form does not keep');
      return Object.keys(docs).map(num);
    }),
  ]);
  return { version: json.version, fields: json.fields, pipeline: json.pipeline, refs, vectors, terms };
}

/**
 * Lunr's serialised index back from the compact form. Postings stay lists of numbers until Lunr
 * first reads one (`posting[field]`, only for the words of a query), then become the
 * `{ ref: {} }` object Lunr expects: most words are never asked for, and a million small objects
 * made up front cost half a second and ~100 MB at 100 times today's knowledge.
 */
export function unpack(p: Packed): LunrJson {
  const { fields, refs } = p;
  class Posting {
    declare readonly _index: number;
    declare private readonly lists: (number[] | Record<string, object>)[];
    constructor(termIndex: number, lists: number[][]) {
      Object.defineProperty(this, '_index', { value: termIndex, enumerable: true });
      Object.defineProperty(this, 'lists', { value: lists });
    }
    /** What Lunr's own `toJSON` would hold, should the loaded index be serialised again. */
    toJSON(): Record<string, unknown> {
      const self = this as unknown as Record<string, unknown>;
      return Object.fromEntries([['_index', this._index], ...fields.map((f) => [f, self[f]])]);
    }
  }
  fields.forEach((field, f) =>
    Object.defineProperty(Posting.prototype, field, {
      get(this: { lists: (number[] | Record<string, object>)[] }) {
        const list = this.lists[f] ?? [];
        if (!Array.isArray(list)) return list;
        const docs: Record<string, object> = Object.create(null);
        for (const r of list) docs[refs[r] as string] = EMPTY;
        this.lists[f] = docs;
        return docs;
      },
    }),
  );
  const fieldVectors = p.vectors.map(([f, r, v]): [string, number[]] => [`${fields[f]}/${refs[r]}`, v]);
  const invertedIndex = p.terms.map(([term, termIndex, ...lists]): [string, Record<string, unknown>] => [
    term,
    new Posting(termIndex, lists) as unknown as Record<string, unknown>,
  ]);
  return { version: p.version, fields, fieldVectors, invertedIndex, pipeline: p.pipeline };
}
