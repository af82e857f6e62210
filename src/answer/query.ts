/**
 * What a message asks, as the parser hands it to the answer builder: a Query, and the options and
 * word knowledge a read takes.
 *
 * @example
 * const q: Query = { kind: 'thanks' };
 */
import type { Entry } from '../knowledge/model.js';
import type { Focus, Prefer } from './cues.js';
import type { Mention } from './entities.js';

export type Query =
  | { kind: 'help'; lead?: string }
  | { kind: 'about' }
  | { kind: 'thanks' }
  | { kind: 'tip'; topic: string[] }
  | { kind: 'compare'; items: Entry[]; unknown: string[]; purpose: string[] }
  | { kind: 'entry'; entry: Entry; focus: Focus; purpose: string[]; typo?: string; unknown: string[] }
  | {
      kind: 'recommend';
      kinds?: string[];
      need: string[];
      context: Entry[];
      exclude: Entry[];
      purpose: string[];
      of?: Entry;
      fallback?: Entry;
      /** The question asks for picks ("what lib for …"): the fallback name leads the picks rather than answering alone. */
      picksWanted?: boolean;
      /** The picks are already known: a service's Python clients ("talk to postgres from python"). */
      picks?: Entry[];
      /**
       * A title of the picks' own ("What Celery runs on", "Instead of Airflow"), where no need names them: picks the
       * knowledge's relations give, so the answer is marked `related` and no ranker's second opinion replaces it.
       */
      title?: string;
      /** Names beside the fallback that the knowledge does not have ("sqlmodel or plain sqlalchemy"), said if it answers. */
      unknown?: string[];
    }
  | { kind: 'pick'; type: 'checklist' | 'stack'; topic: string[] }
  | {
      kind: 'search';
      words: string[];
      prefer?: Prefer;
      exclude: Entry[];
      unrecognised?: string[];
      kinds?: string[];
      /** Words of the setting (a long message's context) that rank the picks. */
      purpose?: string[];
      /** The classifier is sure what kind of answer is wanted, so a looser match of the words will do. */
      loose?: boolean;
    }
  | {
      kind: 'unknown';
      unrecognised: string[];
      words: string[];
      orphan?: boolean;
      /** Its own words say it is about something else (pay, tips for the garden): no second opinion makes it ours. */
      elsewhere?: boolean;
    };

/** What the parser knows of words, passed in by the engine. */
export interface ParserWords {
  /** True for words the knowledge's own text uses: those are words, never typos of names. */
  isVocabulary: (word: string) => boolean;
  /** True for words that look like a name we do not know: not English, not the knowledge's, not a slip on either. */
  nameLike?: (word: string) => boolean;
  /** The trained intent classifier's best class for a question, with its probability (none: cues alone). */
  guess?: (text: string) => { label: string; p: number } | undefined;
  /** Whether a word is English (never corrected into a name). */
  isEnglish?: (word: string) => boolean;
  /** The everyday word a word is one slip from ("alternatvies" -> "alternatives"), if any. */
  slip?: (word: string) => string | undefined;
}

export interface ReadOptions {
  /** The kind of answer to lean to when the question's own cues do not say (a follow-up asks what its thread asked). */
  prefer?: Prefer;
  /** Whether a short question takes its topic words from the context (a long message does; a follow-up brings its own). */
  borrowTopic?: boolean;
  /** Leave the classifier out: it learnt single questions, and cannot see a thread. */
  cuesOnly?: boolean;
  /** Whether the whole message says "python" (normalising drops a closing "in python", and a part may not hold it). */
  python?: boolean;
  /** The whole message, for the classifier, when the read is of one sentence of it (it learnt whole messages). */
  message?: string;
  /** A message in a thread, read alone first: the thread may make a name its setting ("ok and if everything is asyncio?"). */
  threaded?: boolean;
}

export interface Context extends ReadOptions {
  packages: Mention[];
  words: string[];
  /** Concepts the context names ("someone said 'just use pooling'"). */
  concepts?: Mention[];
  /** Packages the context rules out ("we don't want airflow"). */
  negated?: Mention[];
  /** Package names from links that the knowledge does not have. */
  linked?: string[];
  /** Whether the message says "python" at all (before courtesies and tails are dropped). */
  python?: boolean;
  /** The message as said, in lower case, before a closing "in python" is dropped. */
  said?: string;
  /** Names outside the Python stack in the context around the question. */
  outside?: string[];
  /** Whether the message holds a link (a name from a link is a name, whatever else it could mean). */
  viaLink?: boolean;
  /** Link labels that only repeat their link's host ("djangoproject.com"): no names. */
  hosts?: string[];
  /** A service the context asks for a client of ("we need a postgres driver"). */
  reached?: Mention;
  /** The two packages the context is choosing between ("we're torn between flask and django"). */
  between?: Mention[];
}
export const NO_CONTEXT: Context = { packages: [], words: [] };
