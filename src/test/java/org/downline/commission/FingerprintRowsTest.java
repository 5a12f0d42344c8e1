package org.downline.commission;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rows fingerprinted one by one give the SHA-256 of the rows joined by newlines (worked out here with the JDK alone). */
class FingerprintRowsTest {
  @Test
  void rowByRowIsTheDigestOfTheJoinedText() throws Exception {
    for (List<String> rows : List.of(List.<String>of(), List.of(""), List.of("2026-02,M1,unilevel,1.50,O1,M2,1"),
        List.of("a", "", "b"), List.of("2026-02,Łucja,matching,0.01,,Ștefan,2", "x\u00e9", "last"))) {
      Fingerprint.Rows fp = new Fingerprint.Rows();
      rows.forEach(fp::add);
      String expected = HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(String.join("\n", rows).getBytes(StandardCharsets.UTF_8)));
      assertThat(fp.hex()).as(rows.toString()).isEqualTo(expected);
      assertThat(fp.count()).isEqualTo(rows.size());
    }
  }

  @Test
  void knownDigestOfTwoRows() {
    Fingerprint.Rows fp = new Fingerprint.Rows();
    fp.add("abc");
    fp.add("def");
    // What sha256sum prints for printf 'abc\ndef'.
    assertThat(fp.hex()).isEqualTo("d53d6b91af7caf8fe3d8021f116270137c0079d579a1e16965da80c2ed138ffb");
    // Asked again (the run store asks once the lines are stored, the caller after): the same digest.
    assertThat(fp.hex()).isEqualTo("d53d6b91af7caf8fe3d8021f116270137c0079d579a1e16965da80c2ed138ffb");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> fp.add("ghi")).isInstanceOf(IllegalStateException.class);
  }
}
