package org.downline.cli;

import java.nio.file.Path;
import org.downline.core.Progress;

/** Where a report's data comes from: files named on the command line, or (later) the store. */
final class Sources {
  private Sources() {}

  static CompanyFiles files(Path members, Path orders, Progress progress) {
    if (members == null && orders == null) {
      throw new IllegalArgumentException(
          "no stored data in this build: give --members FILE and --orders FILE to run on files");
    }
    if (members == null || orders == null) {
      throw new IllegalArgumentException("file mode needs both --members FILE and --orders FILE");
    }
    return CompanyFiles.read(members, orders, progress);
  }
}
