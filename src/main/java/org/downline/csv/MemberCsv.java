package org.downline.csv;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import org.downline.core.InputErrors;
import org.downline.core.Progress;
import org.downline.core.Reason;
import org.downline.network.MemberKind;
import org.downline.network.MemberProfile;
import org.downline.network.MemberRow;
import org.downline.network.MemberStatus;

/**
 * Reads a members file: {@code id,sponsor_id,kind,join_date} at least; known further columns are
 * {@code preferred, status, status_date, placement_id, position, name, email, phone, country, locale}.
 * {@code kind} also accepts {@code preferred_customer}.
 */
public final class MemberCsv {
  public static final String[] REQUIRED = {"id", "sponsor_id", "kind", "join_date"};

  private MemberCsv() {}

  public record Result(List<MemberRow> rows, List<MemberProfile> profiles) {}

  /** Reads for file mode: the structural rules only (see {@link CsvInput.Rules}). */
  public static Result read(Path path, InputErrors errors, Progress progress) {
    return read(path, CsvInput.Rules.FILE, errors, progress);
  }

  public static Result read(Path path, CsvInput.Rules rules, InputErrors errors, Progress progress) {
    List<MemberRow> rows = new ArrayList<>();
    List<MemberProfile> profiles = new ArrayList<>();
    read(path, rules, errors, progress, rows::add, profiles::add);
    return new Result(rows, profiles);
  }

  /**
   * Streams the file: {@code onRow} gets each row that passed its own checks, in the file's order,
   * and {@code onProfile} its profile when the row has one (after the row).
   */
  public static void read(Path path, CsvInput.Rules rules, InputErrors errors, Progress progress, Consumer<MemberRow> onRow,
      Consumer<MemberProfile> onProfile) {
    new CsvInput(path, rules, errors, progress).read("members", REQUIRED, r -> {
      String id = r.required("id");
      String sponsor = r.text("sponsor_id");
      String kindText = r.required("kind");
      MemberKind kind = MemberKind.DISTRIBUTOR;
      boolean preferred = r.flag("preferred");
      if (kindText != null) {
        String k = kindText.toLowerCase(Locale.ROOT);
        if (k.equals("preferred_customer") || k.equals("preferred")) {
          kind = MemberKind.CUSTOMER;
          preferred = true;
        } else {
          try {
            kind = MemberKind.ofCode(k);
          } catch (IllegalArgumentException e) {
            r.error("kind", Reason.of("notMemberKind", k));
          }
        }
      }
      int joinDay = r.requiredDay("join_date");
      MemberStatus status = MemberStatus.ACTIVE;
      String statusText = r.text("status");
      if (statusText != null) {
        try {
          status = MemberStatus.ofCode(statusText.toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          r.error("status", Reason.of("notMemberStatus", statusText.toLowerCase(Locale.ROOT)));
        }
      }
      int statusDay = r.day("status_date", Integer.MIN_VALUE);
      String placement = r.text("placement_id");
      int position = -1;
      String positionText = r.text("position");
      if (positionText != null) {
        position = org.downline.network.PlacementTree.sideOf(positionText);
        if (position < 0) r.error("position", Reason.of("notPosition", positionText));
      }
      if (id != null && id.equals(sponsor)) r.error("sponsor_id", Reason.of("ownSponsor", id));
      if (r.bad()) return;
      onRow.accept(new MemberRow(r.line(), id, sponsor, kind, preferred, joinDay, status, statusDay, placement, position));
      MemberProfile p = new MemberProfile(id, r.text("name"), r.text("email"), r.text("phone"), r.text("country"),
          r.text("locale"));
      if (!p.isEmpty()) onProfile.accept(p);
    });
  }
}
