import { describe, expect, it } from 'vitest';
import { readCsvRecord } from './csv-record';

describe('readCsvRecord', () => {
  it('splits at commas, keeps quoted commas and doubled quotes, and reads an empty value as no field', () => {
    expect(readCsvRecord('a.yaml,b.yaml')).toEqual(['a.yaml', 'b.yaml']);
    expect(readCsvRecord('"a,b.yaml",c')).toEqual(['a,b.yaml', 'c']);
    expect(readCsvRecord('"say ""hi""",x')).toEqual(['say "hi"', 'x']);
    expect(readCsvRecord('a,,b,')).toEqual(['a', '', 'b', '']);
    expect(readCsvRecord('')).toEqual([]);
  });

  it("fails on quotes as Go's encoding/csv does", () => {
    expect(() => readCsvRecord('a"b')).toThrow('parse error on line 1, column 2: bare " in non-quoted-field');
    expect(() => readCsvRecord('x,a"b')).toThrow('parse error on line 1, column 4: bare " in non-quoted-field');
    expect(() => readCsvRecord('"ab')).toThrow('parse error on line 1, column 4: extraneous or missing " in quoted-field');
    expect(() => readCsvRecord('"ab"x')).toThrow('parse error on line 1, column 4: extraneous or missing " in quoted-field');
  });
});
