/**
 * Reads query plans for full scans: SQLite's EXPLAIN QUERY PLAN lines and PostgreSQL's EXPLAIN (FORMAT JSON) tree.
 * A scan of a table counts as full when nothing bounds it: SQLite's `SCAN t` (with or without an index; `SEARCH`
 * is bounded), PostgreSQL's Seq Scan, or an index scan with no index condition. An index search bounded by the
 * portal alone is a full scan too: an organisation is one portal, so it reads every row the organisation has.
 */

/** A full scan found in a plan, or a sort of unbounded input worth a look. */
export interface PlanFinding {
  table: string;
  /** A `limited` scan walks an index in the order asked for and stops at the query's LIMIT (a first page). */
  kind: 'full scan' | 'full index scan' | 'portal scan' | 'limited index scan' | 'sort';
  detail: string;
}

/** One row of SQLite's EXPLAIN QUERY PLAN: `parent` 0 is the statement's own level, not a subquery's. */
export interface SqlitePlanRow {
  parent: number;
  detail: string;
}

/** SQLite: the findings in EXPLAIN QUERY PLAN's rows of `sql`. */
export function sqliteFindings(sql: string, rows: SqlitePlanRow[]): PlanFinding[] {
  const findings: PlanFinding[] = [];
  // Only the statement's own ORDER BY decides whether its LIMIT stops an index walk early; a subquery's sort (the
  // course view orders each course's people) sorts that subquery's few rows.
  const sorts = rows.some((row) => row.parent === 0 && /TEMP B-TREE FOR ORDER BY/.test(row.detail));
  const limited = /\blimit\b/i.test(sql) && !sorts;
  for (const { detail } of rows) {
    const scan = /^SCAN (\S+)(?: AS (\S+))?(.*)$/.exec(detail);
    if (scan !== null) {
      const usesIndex = /USING (COVERING )?INDEX/.test(scan[3] ?? '');
      const kind = !usesIndex ? 'full scan' : limited ? 'limited index scan' : 'full index scan';
      findings.push({ table: scan[1]!, kind, detail });
    }
    const search = /^SEARCH (\S+)(?: AS \S+)? USING .*INDEX \S+ \((.*)\)$/.exec(detail);
    if (search !== null && search[2] === 'portal_id=?') {
      findings.push({ table: search[1]!, kind: limited ? 'limited index scan' : 'portal scan', detail });
    }
    if (/USE TEMP B-TREE FOR ORDER BY/.test(detail)) findings.push({ table: '', kind: 'sort', detail });
  }
  return findings;
}

interface PgPlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Filter?: string;
  'Plan Rows'?: number;
  Plans?: PgPlanNode[];
}

/** PostgreSQL: the findings in an EXPLAIN (FORMAT JSON) answer's plan tree. */
export function postgresFindings(plan: PgPlanNode): PlanFinding[] {
  const findings: PlanFinding[] = [];
  const visit = (node: PgPlanNode, underLimit: boolean) => {
    const table = node['Relation Name'] ?? '';
    const rows = node['Plan Rows'] ?? 0;
    if (node['Node Type'] === 'Seq Scan') {
      findings.push({ table, kind: 'full scan', detail: `Seq Scan on ${table} (${rows} rows) ${node.Filter ?? ''}` });
    }
    if (/Index (Only )?Scan/.test(node['Node Type']) && node['Index Cond'] === undefined) {
      const detail = `${node['Node Type']} using ${node['Index Name']} on ${table}, no condition (${rows} rows)`;
      findings.push({ table, kind: underLimit ? 'limited index scan' : 'full index scan', detail });
    }
    const condition = node['Index Cond'] ?? '';
    if (/portal_id/.test(condition) && !/ AND /i.test(condition)) {
      findings.push({
        table,
        kind: underLimit ? 'limited index scan' : 'portal scan',
        detail: `${node['Node Type']} on ${table}: ${condition} (${rows} rows)`,
      });
    }
    if (node['Node Type'] === 'Sort') findings.push({ table: '', kind: 'sort', detail: `Sort (${rows} rows)` });
    // A Limit over a scan in index order stops the scan early; a Sort in between reads everything first.
    const limits = (underLimit || node['Node Type'] === 'Limit') && node['Node Type'] !== 'Sort';
    for (const child of node.Plans ?? []) visit(child, limits);
  };
  visit(plan, false);
  return findings;
}

/** Statements that are not queries (transaction control, settings): nothing to explain. */
export function isExplainable(sql: string): boolean {
  return /^\s*(select|insert|update|delete|with)\b/i.test(sql);
}
