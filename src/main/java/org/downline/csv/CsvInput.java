package org.downline.csv;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.downline.core.Decimals;
import org.downline.core.InputErrors;
import org.downline.core.Periods;
import org.downline.core.Progress;
import org.downline.core.Reason;

/**
 * Streams a UTF-8 CSV file with a header row: columns are found by name in any order, unknown
 * columns are ignored, and every field that does not parse is reported to {@link InputErrors} with
 * file, line and column. The input is strict: UTF-8 only, every row with the header's field count, no
 * quote left open, every field within the {@link Fields} rules. The file is never held in memory;
 * progress is reported in bytes read.
 */
public final class CsvInput {
  /**
   * How strict: {@code FILE} (file mode, for modelling) checks the structure of the file and refuses
   * control characters; {@code STORE} (what is imported into the database) also holds ids to their
   * character set and every text to its column's length ({@link Fields}).
   */
  public enum Rules { FILE, STORE }

  private final Path path;
  private final Rules rules;
  private final String file;
  private final InputErrors errors;
  private final Progress progress;

  public CsvInput(Path path, InputErrors errors, Progress progress) {
    this(path, Rules.FILE, errors, progress);
  }

  public CsvInput(Path path, Rules rules, InputErrors errors, Progress progress) {
    this.path = path;
    this.rules = rules;
    this.file = path.getFileName().toString();
    this.errors = errors;
    this.progress = progress;
  }

  public String file() {
    return file;
  }

  /**
   * Reads every data row; returns false (and reports) when a required column is missing, in which
   * case no row is read.
   */
  public boolean read(String task, String[] required, Consumer<Row> onRow) {
    long size;
    try {
      size = Files.size(path);
    } catch (IOException e) {
      errors.add(file, 0, null, "cannot read file: " + e.getMessage());
      return false;
    }
    try (InputStream raw = Files.newInputStream(path);
        CheckedInput in = new CheckedInput(raw);
        CsvReader<CsvRecord> reader = CsvReader.builder().skipEmptyLines(true).allowMissingFields(true)
            .allowExtraFields(true).detectBomHeader(true).ofCsvRecord(in, StandardCharsets.UTF_8)) {
      Iterator<CsvRecord> it = reader.iterator();
      if (!it.hasNext()) {
        errors.add(file, 1, null, Reason.of("emptyFile"));
        return false;
      }
      CsvRecord header = it.next();
      Map<String, Integer> columns = new HashMap<>();
      String[] names = new String[header.getFieldCount()];
      for (int i = 0; i < names.length; i++) {
        names[i] = header.getField(i).strip().toLowerCase(Locale.ROOT);
        columns.putIfAbsent(names[i], i);
      }
      boolean ok = true;
      for (String c : required) {
        if (!columns.containsKey(c)) {
          errors.add(file, header.getStartingLineNumber(), c, Reason.of("missingColumn", c));
          ok = false;
        }
      }
      if (!ok) return false;
      progress.start(task, size, "B");
      Row row = new Row(columns);
      long rows = 0;
      while (it.hasNext()) {
        row.record = it.next();
        row.bad = false;
        if (wellFormed(row.record, names)) onRow.accept(row);
        if ((++rows & 0x3FFF) == 0) progress.update(in.count);
      }
      progress.update(size);
      progress.finish();
      return true;
    } catch (IOException e) {
      errors.add(file, 0, null, "cannot read file: " + e.getMessage());
      return false;
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CheckedInput.Malformed m) errors.add(file, m.line, null, m.getMessage());
      else errors.add(file, 0, null, "cannot read file: " + e.getMessage());
      return false;
    } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
      errors.add(file, 0, null, "malformed CSV: " + e.getMessage());
      return false;
    }
  }

  /**
   * Reports a row whose field count differs from the header's, or any field that breaks the
   * {@link Fields} rules; such a row goes no further.
   */
  private boolean wellFormed(CsvRecord record, String[] names) {
    long line = record.getStartingLineNumber();
    int n = record.getFieldCount();
    if (n != names.length) {
      errors.add(file, line, null, Reason.of(n == 1 ? "oneField" : "fieldCount", n, names.length));
      return false;
    }
    boolean ok = true;
    for (int i = 0; i < n; i++) {
      Reason reason = rules == Rules.STORE ? Fields.refusal(names[i], record.getField(i))
          : Fields.structuralRefusal(record.getField(i));
      if (reason != null) {
        errors.add(file, line, names[i], reason);
        ok = false;
      }
    }
    return ok;
  }

  /** One data row; typed getters report a bad field and mark the row bad. */
  public final class Row {
    private final Map<String, Integer> columns;
    // The readers ask for the same few constant names on every row: found by reference here first,
    // without hashing (millions of rows, several columns each); -1 for a column the file lacks.
    private final String[] asked = new String[16];
    private final int[] askedIndex = new int[16];
    private int askedCount;
    private CsvRecord record;
    private boolean bad;

    private Row(Map<String, Integer> columns) {
      this.columns = columns;
    }

    private int index(String column) {
      for (int i = 0; i < askedCount; i++) if (asked[i] == column) return askedIndex[i];
      Integer i = columns.get(column);
      int index = i == null ? -1 : i;
      if (askedCount < asked.length) {
        asked[askedCount] = column;
        askedIndex[askedCount++] = index;
      }
      return index;
    }

    public long line() {
      return record.getStartingLineNumber();
    }

    /** True when some getter reported a problem with this row. */
    public boolean bad() {
      return bad;
    }

    public boolean has(String column) {
      return columns.containsKey(column);
    }

    /** The stripped text of a column, or null when the column is absent or the field empty. */
    public String text(String column) {
      int i = index(column);
      if (i < 0 || i >= record.getFieldCount()) return null;
      String s = record.getField(i).strip();
      return s.isEmpty() ? null : Fields.fromCell(s);
    }

    public String required(String column) {
      String s = text(column);
      if (s == null) error(column, Reason.of("empty"));
      return s;
    }

    /** Hundredths, or {@code absent} when empty. */
    public long cents(String column, long absent) {
      String s = text(column);
      if (s == null) return absent;
      try {
        return Decimals.parseCents(s);
      } catch (NumberFormatException | ArithmeticException e) { // ArithmeticException: past what a long holds in hundredths
        error(column, Decimals.refusal(s, e));
        return 0;
      }
    }

    public long requiredCents(String column) {
      if (text(column) == null) {
        error(column, Reason.of("empty"));
        return 0;
      }
      return cents(column, 0);
    }

    /** Epoch day of a YYYY-MM-DD field, or {@code absent} when empty. */
    public int day(String column, int absent) {
      String s = text(column);
      if (s == null) return absent;
      try {
        return Periods.parseDay(s);
      } catch (IllegalArgumentException e) {
        error(column, Reason.of("notDate", s));
        return 0;
      }
    }

    public int requiredDay(String column) {
      if (text(column) == null) {
        error(column, Reason.of("empty"));
        return 0;
      }
      return day(column, 0);
    }

    public boolean flag(String column) {
      String s = text(column);
      if (s == null) return false;
      return switch (s.toLowerCase(Locale.ROOT)) {
        case "true", "yes", "y", "1" -> true;
        case "false", "no", "n", "0" -> false;
        default -> {
          error(column, Reason.of("notFlag", s));
          yield false;
        }
      };
    }

    public int integer(String column, int absent) {
      String s = text(column);
      if (s == null) return absent;
      try {
        return Integer.parseInt(s);
      } catch (NumberFormatException e) {
        error(column, Reason.of("notWhole", s));
        return absent;
      }
    }

    public void error(String column, String reason) {
      bad = true;
      errors.add(file, line(), column, reason);
    }

    public void error(String column, Reason reason) {
      bad = true;
      errors.add(file, line(), column, reason);
    }
  }
}
