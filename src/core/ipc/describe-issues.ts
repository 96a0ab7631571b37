import type { z } from 'zod';

/** Zod issues as short "path: problem" lines a person (or a test) can read. */
export function describeIssues(error: z.ZodError, limit = 10): string[] {
  return error.issues.slice(0, limit).map((issue) => {
    const path = issue.path.length > 0 ? issue.path.join('.') : '(payload)';
    return `${path}: ${issue.message}`;
  });
}

const SECRET_KEY = /password|passwd|secret|token/i;

/** The string values under password-like keys anywhere in `input`. */
export function secretsIn(input: unknown, depth = 0): string[] {
  if (typeof input !== 'object' || input === null || depth > 5) return [];
  return Object.entries(input).flatMap(([key, value]) =>
    typeof value === 'string' && SECRET_KEY.test(key) ? [value] : secretsIn(value, depth + 1),
  );
}
