#!/usr/bin/env node
// Regenerates assets/common-passwords.txt, the list of passwords Teken refuses (ASVS 5.0 V6.2.4).
// Source: the "passwords-common" dictionary of @zxcvbn-ts/language-common (MIT, a devDependency),
// keeping entries of 8 characters or more (shorter ones fail the length rule anyway), plus common
// Indonesian choices. Run: node scripts/build-common-passwords.js
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { dictionary } = require('@zxcvbn-ts/language-common');
const indonesian = [
  'indonesia',
  'indonesia1',
  'indonesia123',
  'bismillah',
  'bismillah123',
  'alhamdulillah',
  'sayangku',
  'sayangku123',
  'rahasia123',
  'rahasiaku',
  'merdeka45',
  'merdeka1945',
  'jakarta123',
  'pancasila',
  'garuda123',
  'password123',
  'sandi1234',
  'katasandi',
  'katasandi123',
  'kemenkeu123',
  'pemerintah',
  'pegawai123',
  'cintaku123',
  'sukses123',
  'persija1928',
  'persib1933',
  'asdfghjkl',
  'qwertyuiop',
  'p@ssw0rd',
  'passw0rd',
  'admin1234',
  'administrator',
];
const list = [
  ...new Set(
    [...dictionary['passwords-common'], ...indonesian]
      .map((p) => p.toLowerCase())
      .filter((p) => p.length >= 8),
  ),
].sort();
const target = path.resolve(import.meta.dirname, '..', 'assets', 'common-passwords.txt');
fs.writeFileSync(target, list.join('\n') + '\n');
console.log(`wrote ${list.length} passwords to ${path.relative(process.cwd(), target)}`);
