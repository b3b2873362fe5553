// Bulk loads are much faster into tables without secondary indexes: building an index once over a
// million rows costs a fraction of maintaining it row by row. The definitions are read back from
// pg_indexes and replayed verbatim, so the schema ends exactly as the migrations made it.
import type { Database } from "../../server/db/client";

export async function withoutSecondaryIndexes<T>(db: Database, tables: readonly string[], load: () => Promise<T>): Promise<T> {
  const list = tables.map((t) => `'${t.replace(/'/g, "")}'`).join(", ");
  const indexes = await db.prisma.$queryRawUnsafe<{ indexname: string; indexdef: string }[]>(
    `SELECT i.indexname, i.indexdef FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename IN (${list})
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)
     ORDER BY i.indexname`,
  );
  if (indexes.length) await db.exec(indexes.map((i) => `DROP INDEX "${i.indexname.replace(/"/g, "")}";`).join("\n"));
  let loaded = false;
  try {
    const result = await load();
    loaded = true;
    return result;
  } finally {
    // Recreate even after a failure: without a transaction (PostgreSQL) the tables must keep their
    // indexes; inside one (PGlite) the rollback restores them anyway. On the success path an error
    // here (e.g. a duplicate code) propagates and fails the seed.
    const script = indexes.map((i) => `${i.indexdef.replace(/^CREATE (UNIQUE )?INDEX /, "CREATE $1INDEX IF NOT EXISTS ")};`).join("\n");
    if (script) {
      if (loaded) await db.exec(script);
      else await db.exec(script).catch(() => undefined);
    }
  }
}
