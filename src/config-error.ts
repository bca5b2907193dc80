/** The settings error, apart from config.ts so the CLI can catch it without loading the settings schema. */

/** Thrown when settings are invalid (or found unusable at start-up); one line per problem, each naming the fix. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
  }
}
