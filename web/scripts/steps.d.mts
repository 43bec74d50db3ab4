/** The commands of a package.json script, `npm run x` replaced by x's own steps; `ci` is `npm ci`. */
export function stepsOf(name: string, table?: Record<string, string>, seen?: Set<string>): string[];
