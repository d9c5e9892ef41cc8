import { options, type OptionSpec } from './options.js';

function kindText(spec: OptionSpec): string {
  const k = spec.kind;
  switch (k.type) {
    case 'int':
      return `whole number, ${k.min} to ${k.max}`;
    case 'enum':
      return k.values.map((v) => `\`${v}\``).join(', ');
    case 'bool':
      return '`true` or `false`';
    case 'secret':
      return 'secret';
    case 'url':
      return 'URL';
    case 'string':
      return 'text';
  }
}

/** The configuration reference, generated from the option catalogue. */
export function renderConfigurationDocs(): string {
  const lines = [
    '# Configuration',
    '',
    '<!-- Generated from src/config/options.ts by `npm run docs:generate`. Do not edit by hand. -->',
    '',
    'Teken reads its configuration from environment variables once, at start, and refuses to start',
    'with a list of every invalid value. Options marked **warns** print a security warning at start',
    'while they keep a value that is unsafe in production.',
    '',
  ];
  const groups = new Map<string, OptionSpec[]>();
  for (const spec of Object.values<OptionSpec>(options)) {
    groups.set(spec.group, [...(groups.get(spec.group) ?? []), spec]);
  }
  for (const [group, specs] of groups) {
    lines.push(`## ${group}`, '', '| variable | default | values | description |', '|---|---|---|---|');
    for (const spec of specs) {
      const def = spec.default === undefined ? '(unset)' : `\`${spec.default}\``;
      const warn = spec.insecureWhen ? ' **warns**' : '';
      lines.push(
        `| \`${spec.env}\` | ${def} | ${kindText(spec)} | ${spec.description.replace(/\|/g, '\\|')}${warn} |`,
      );
    }
    lines.push('');
  }
  return lines.join('\n');
}
