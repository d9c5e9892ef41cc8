// Scans the suite's logs (TEKEN_TEST_LOG_DIR, see test/helpers/log-capture.ts) for the synthetic
// personal data the tests used: every NIK, NIP and phone number listed in personal-values-*.txt,
// phone numbers also in their other spellings (08…, 628…, +628…). Returns the findings.
import fs from 'node:fs';
import path from 'node:path';

/** The spellings of a value a log could hold. */
function spellings(kind, value) {
  const digits = value.replace(/\D/g, '');
  if (kind !== 'phone') return [digits];
  const national = digits.replace(/^0|^62/, '');
  return [`0${national}`, `62${national}`];
}

export function scanLogsForPersonalData(dir) {
  const names = fs.readdirSync(dir);
  const wanted = new Map();
  for (const name of names.filter((n) => n.startsWith('personal-values-'))) {
    for (const line of fs.readFileSync(path.join(dir, name), 'utf8').split('\n')) {
      const [kind, value] = line.split(' ');
      if (kind && value) for (const s of spellings(kind, value)) wanted.set(s, kind);
    }
  }
  const findings = [];
  let bytes = 0;
  for (const name of names.filter((n) => n.endsWith('.log'))) {
    const text = fs.readFileSync(path.join(dir, name), 'utf8');
    bytes += text.length;
    // Every run of 9 or more digits (a value may sit inside a longer string, e.g. "+62…").
    for (const match of text.matchAll(/\d{9,}/g)) {
      const run = match[0];
      for (const [value, kind] of wanted) if (run.includes(value)) findings.push({ file: name, kind, value });
    }
  }
  return { values: wanted.size, files: names.filter((n) => n.endsWith('.log')).length, bytes, findings };
}
