package org.downline.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@link CompanyCopy}'s one list of tables is complete and in the order of the foreign keys, read
 * from a migrated database's own metadata: a migration that adds a table fails here until the table
 * is copied or left out for a reason.
 */
class CompanyCopyTablesTest {
  @BothDatabases
  void everyTableIsCopiedOrLeftOutForAReason(Database db) throws Exception {
    try (Connection c = db.connection()) {
      Set<String> known = new TreeSet<>(CompanyCopy.TABLES);
      known.addAll(CompanyCopy.NOT_COPIED.keySet());
      assertThat(CompanyCopy.tables(c)).isEqualTo(known);
      assertThat(CompanyCopy.TABLES).doesNotHaveDuplicates().doesNotContainAnyElementsOf(CompanyCopy.NOT_COPIED.keySet());
      assertThat(CompanyCopy.TABLES).containsAll(CompanyCopy.SEEDED);
    }
  }

  @BothDatabases
  void aTableComesAfterEveryTableItsKeysName(Database db) throws Exception {
    try (Connection c = db.connection()) {
      DatabaseMetaData md = c.getMetaData();
      int checked = 0;
      for (int i = 0; i < CompanyCopy.TABLES.size(); i++) {
        String table = CompanyCopy.TABLES.get(i);
        String name = md.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
        try (ResultSet rs = md.getImportedKeys(null, c.getSchema(), name)) {
          while (rs.next()) {
            String parent = rs.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT);
            checked++;
            if (parent.equals(table)) continue; // a sponsor, a return's sale: rows of one COPY, checked at its end
            assertThat(CompanyCopy.TABLES.indexOf(parent)).as(table + " refers to " + parent).isBetween(0, i - 1);
          }
        }
      }
      assertThat(checked).as("foreign keys read").isGreaterThan(50);
    }
  }
}
