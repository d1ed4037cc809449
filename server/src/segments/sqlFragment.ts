/** A parameterised piece of SQL: `?` placeholders bound, in order, to `params`. */
export interface SqlFragment {
  sql: string;
  params: unknown[];
}

/** The fragment `sql` with `params`. */
export function fragment(sql: string, ...params: unknown[]): SqlFragment {
  return { sql, params };
}

/** Joins fragments with AND / OR, each in parentheses; an empty AND is true, an empty OR false. */
export function combine(op: 'and' | 'or', parts: SqlFragment[]): SqlFragment {
  if (parts.length === 0) return fragment(op === 'and' ? '1 = 1' : '1 = 0');
  if (parts.length === 1) return parts[0]!;
  return {
    sql: parts.map((part) => `(${part.sql})`).join(op === 'and' ? ' AND ' : ' OR '),
    params: parts.flatMap((part) => part.params),
  };
}

/** `column IN (?, ?, ...)` for a non-empty list. */
export function inList(column: string, values: readonly unknown[]): SqlFragment {
  return { sql: `${column} IN (${values.map(() => '?').join(', ')})`, params: [...values] };
}
