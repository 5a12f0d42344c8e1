package org.downline.app.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.downline.core.ConflictException;
import org.downline.store.CompanyCopy;
import org.junit.jupiter.api.Test;

/**
 * The copy's last check: each run's lines as copied give the fingerprint the run was stored with
 * (the SHA-256 of its lines.csv rows joined by line feeds), or, for a run whose source lines never
 * gave it, the same fingerprint as the source's lines; anything else refuses the copy.
 */
class CopyCompanyFingerprintsTest {
  private static final List<String> LINES = List.of("2026-01,A,unilevel,1.25,O1,B,1", "2026-01,A,unilevel,0.40,O2,C,2");

  @Test
  void linesThatGiveTheStoredFingerprintPass() throws Exception {
    check(sha256(String.join("\n", LINES)), LINES, LINES);
  }

  @Test
  void aRunStoredWithAnotherFingerprintPassesWhenBothSidesAgree() {
    check("0".repeat(64), LINES, LINES);
  }

  @Test
  void linesThatDifferFromTheSourcesAreRefused() throws Exception {
    List<String> changed = List.of(LINES.get(0), "2026-01,A,unilevel,0.41,O2,C,2");
    assertThatThrownBy(() -> check(sha256(String.join("\n", LINES)), LINES, changed)).isInstanceOf(ConflictException.class)
        .hasMessageContaining("run 7 (2026-01): its lines on the target differ from the source's");
    assertThatThrownBy(() -> check("0".repeat(64), LINES, changed)).isInstanceOf(ConflictException.class);
  }

  private static void check(String stored, List<String> source, List<String> target) {
    CompanyCopy.Result copied = new CompanyCopy.Result(List.of(), List.of(new CompanyCopy.StoredRun(7, "2026-01", stored)));
    Map<Long, List<String>> from = Map.of(7L, source);
    Map<Long, List<String>> to = Map.of(7L, target);
    CopyCompany.sameFingerprints(copied, (run, row) -> from.get(run).forEach(row), (run, row) -> to.get(run).forEach(row));
  }

  private static String sha256(String text) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
