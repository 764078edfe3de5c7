/**
 * The options of a command-line script, or the script ends: `--help` prints the usage and exits
 * 0; a bad option prints what is wrong and the usage, and exits 2 (as a shell tool does).
 */
export function optionsOrExit<T>(parse: (argv: string[]) => T | 'help', usage: string): T {
  try {
    const parsed = parse(process.argv.slice(2));
    if (parsed === 'help') {
      console.log(usage);
      process.exit(0);
    }
    return parsed;
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${usage}`);
    process.exit(2);
  }
}
