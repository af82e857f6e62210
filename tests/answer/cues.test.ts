/** The angle cues: the first cue a question matches is the angle it asks from. */
import { describe, expect, it } from 'vitest';
import { FOCUS_CUES } from '../../src/answer/cues.js';

const angleOf = (q: string) => FOCUS_CUES.find(([, re]) => re.test(q))?.[0] ?? 'overview';

describe('angle cues', () => {
  it.each([
    ['what competes with celery', 'alternatives'],
    ['is there anything competing with fastapi', 'alternatives'],
    ['swap for paramiko if i want something higher level', 'alternatives'],
    ['we want off poetry. options??', 'alternatives'],
    ['wanna get off airflow, too heavy', 'alternatives'],
    ['would you bet a new project on prefect', 'worth'],
    ['can you run micropython in a real product or is it hobby only', 'production'],
    ['is pygame just a toy', 'production'],
  ])('%s → %s', (q, angle) => {
    expect(angleOf(q)).toBe(angle);
  });

  it('leaves plain questions to the card', () => {
    for (const q of ['what is celery', 'tell me about poetry', 'real quick, what is uv'])
      expect(angleOf(q), q).toBe('overview');
  });
});
