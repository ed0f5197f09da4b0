import { describe, expect, it } from 'vitest';
import { isClassical, readTransmitter } from './transmitters';

describe('readTransmitter', () => {
  it('reads the spellings of the OpenWorm sheets', () => {
    const t = (s: string) => {
      const r = readTransmitter(s);
      return r.ok ? r.transmitter : `unknown: ${r.unknownWords.join(' ')}`;
    };
    expect(t('Acetylcholine')).toBe('acetylcholine');
    expect(t('GABA')).toBe('GABA');
    expect(t('Glutamate')).toBe('glutamate');
    expect(t('Octapamine')).toBe('octopamine');
    expect(t('FMRFamide')).toBe('neuropeptide');
    expect(t('FRMFemide')).toBe('neuropeptide');
    expect(t('Generic_GJ')).toBeUndefined();
    expect(t('')).toBeUndefined();
    expect(t('5-HT')).toBe('serotonin');
  });

  it('keeps the fast classical transmitter of a mixture', () => {
    const t = (s: string) => {
      const r = readTransmitter(s);
      return r.ok ? r.transmitter : undefined;
    };
    expect(t('Serotonin_Acetylcholine')).toBe('acetylcholine');
    expect(t('Serotonin, Acetylcholine')).toBe('acetylcholine');
    expect(t('Acetylcholine_Tyramine')).toBe('acetylcholine');
    expect(t('Serotonin_Glutamate')).toBe('glutamate');
    expect(t('Dopamine/FMRFamide')).toBe('dopamine');
  });

  it('reports words it does not know', () => {
    expect(readTransmitter('Glutamine')).toEqual({ ok: false, unknownWords: ['glutamine'] });
  });

  it('isClassical', () => {
    expect(isClassical('GABA')).toBe(true);
    expect(isClassical('neuropeptide')).toBe(false);
    expect(isClassical(undefined)).toBe(false);
  });
});
