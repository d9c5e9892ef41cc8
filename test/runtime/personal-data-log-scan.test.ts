/**
 * The suite-wide check that no synthetic NIK, NIP or phone number reaches a log
 * (scripts/scan-logs-for-personal-data.js, run by scripts/run-tests.js after every pass) finds a
 * leak in every spelling it may take, and nothing in clean logs.
 */
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
// @ts-expect-error -- a plain JavaScript script of the test runner, without types
import { scanLogsForPersonalData } from '../../scripts/scan-logs-for-personal-data.js';
import { tmpDir } from '../helpers/tmp-dir.js';

interface Scan {
  values: number;
  findings: { file: string; kind: string; value: string }[];
}
const scan = scanLogsForPersonalData as (dir: string) => Scan;

describe('the personal-data log scan', () => {
  it('finds NIKs, NIPs and phone numbers in any spelling, and nothing in clean logs', () => {
    const dir = tmpDir();
    fs.writeFileSync(
      path.join(dir, 'personal-values-1.txt'),
      'nik 3273011505900001\nnip 199005152015031002\nphone 081234567890\n',
    );
    fs.writeFileSync(
      path.join(dir, 'clean.log'),
      '{"msg":"registration submitted","accountId":"4f1c…","took":1234567890123}\n',
    );
    assert.deepEqual(scan(dir).findings, []);
    fs.writeFileSync(
      path.join(dir, 'leaky.log'),
      [
        '{"msg":"bad","detail":"NIK 3273011505900001 taken"}',
        '{"url":"/x?nip=199005152015031002"}',
        '{"to":"+6281234567890"}',
      ].join('\n'),
    );
    const found = scan(dir)
      .findings.map((f) => f.kind)
      .sort();
    assert.deepEqual(found, ['nik', 'nip', 'phone']);
  });
});
