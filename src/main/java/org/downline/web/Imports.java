package org.downline.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.downline.core.InvalidInputException;
import org.downline.core.Progress;
import org.downline.store.Database;
import org.downline.store.ImportResult;
import org.downline.app.network.ImportFile;
import org.downline.web.security.AuditLog;
import org.springframework.stereotype.Component;

/**
 * CSV import for the console and the API: the store's {@link Importer} (one transaction per file,
 * every bad row reported), then an audit entry, and the snapshot takes what was written from the change log.
 */
@Component
public final class Imports {
  private final Database db;
  private final CompanyData data;
  private final AuditLog audit;

  public Imports(Database db, CompanyData data, AuditLog audit) {
    this.db = db;
    this.data = data;
    this.audit = audit;
  }

  /**
   * Imports one file of {@code kind} (members, orders, products) under its original name, so that
   * error messages name the file the user chose.
   *
   * @throws InvalidInputException with every bad row; nothing is written then
   */
  public synchronized ImportResult run(String actor, String kind, String fileName, InputStream content) {
    String name = safeName(fileName);
    Path dir = null;
    try {
      dir = Files.createTempDirectory("downline-import");
      Path file = dir.resolve(name);
      Files.copy(content, file);
      ImportFile importer = new ImportFile(db, Progress.NONE);
      ImportResult result = switch (kind) {
        case "members" -> importer.importMembers(file);
        case "orders" -> importer.importOrders(file);
        case "products" -> importer.importProducts(file);
        default -> throw InvalidInputException.parameter("kind", "'" + kind + "' is not an import kind (members, orders, products)");
      };
      audit.write(actor, "import." + kind, name,
          result.read() + " read, " + result.inserted() + " new, " + result.updated() + " updated");
      data.catchUp();
      return result;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("cannot store the upload", e); // the server's disk, not the user's file
    } finally {
      if (dir != null) deleteQuietly(dir);
    }
  }

  public static String safeName(String fileName) {
    String n = fileName == null ? "" : Path.of(fileName.replace('\\', '/')).getFileName().toString();
    n = n.replaceAll("[^A-Za-z0-9._-]", "_");
    return n.isBlank() || n.startsWith(".") ? "upload.csv" : n;
  }

  private static void deleteQuietly(Path dir) {
    try (var files = Files.list(dir)) {
      for (Path f : files.toList()) Files.deleteIfExists(f);
      Files.deleteIfExists(dir);
    } catch (IOException ignored) {
      // a temp file left behind is harmless
    }
  }
}
