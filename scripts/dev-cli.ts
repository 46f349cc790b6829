// Run the CLI from source without building: `npx tsx scripts/dev-cli.ts COMMAND ...`.
import { run } from '../src/cli/main.js';

run();
