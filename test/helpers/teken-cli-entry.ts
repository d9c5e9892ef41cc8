/**
 * `teken` from the TypeScript sources, for tests that need the CLI as a real process (bin/teken.js
 * runs the compiled dist/ instead). Usage: node --import tsx test/helpers/teken-cli-entry.ts <args>
 */
import { main } from '../../src/cli/main.js';

process.exitCode = await main(process.argv.slice(2));
