package org.downline.store;

/** What an import did: rows read from the file, and how many were new, changed or already stored as given. */
public record ImportResult(String kind, String file, long read, long inserted, long updated, long unchanged) {
  @Override
  public String toString() {
    return kind + " from " + file + ": " + read + " read, " + inserted + " new, " + updated + " updated, "
        + unchanged + " unchanged";
  }
}
