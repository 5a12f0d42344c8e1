package org.downline.prospect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The stage guard, the cadence, the today order and duplicate detection, on figures worked by hand. */
class ProspectRulesTest {
  @Test
  void joiningWithNoOptionRecordedAsksToConfirmAndThenRecordsStage2Skipped() {
    assertThat(StageGuard.check(Outcome.JOINED_DISTRIBUTOR, 0, false)).isEqualTo(new StageGuard.Decision(false, true, false));
    assertThat(StageGuard.check(Outcome.BECAME_CUSTOMER, 0, false).needsConfirm()).isTrue();
    assertThat(StageGuard.check(Outcome.JOINED_DISTRIBUTOR, 0, true)).isEqualTo(new StageGuard.Decision(true, false, true));
    assertThat(StageGuard.check(Outcome.JOINED_DISTRIBUTOR, 2, false)).isEqualTo(new StageGuard.Decision(true, false, false));
    // Letting go needs no options weighed: the guard is about joining.
    assertThat(StageGuard.check(Outcome.NOT_A_FIT, 0, false)).isEqualTo(new StageGuard.Decision(true, false, false));
    assertThat(StageGuard.check(Outcome.NOT_NOW, 0, false).allowed()).isTrue();
  }

  @Test
  void cadenceRunsFromTheLastTouchOrTheDayAdded() {
    // Added on day 100, every 30 days: due 130. A touch on 120 restarts it: due 150.
    assertThat(Cadence.nextDue(Cadence.NONE, 100, 30)).isEqualTo(130);
    assertThat(Cadence.nextDue(120, 100, 30)).isEqualTo(150);
    assertThat(Cadence.nextDue(120, 100, 0)).isEqualTo(Cadence.NONE);
    // A touch logged late (day 110 after 120) does not move the last touch back.
    assertThat(Cadence.afterTouch(120, 110)).isEqualTo(120);
    assertThat(Cadence.afterTouch(Cadence.NONE, 110)).isEqualTo(110);
  }

  private static TodayItem item(TodayItem.Kind kind, long contact, long ref, int due, boolean dnc) {
    return new TodayItem(kind, contact, null, ref, due, null, null, null, dnc);
  }

  @Test
  void todayKeepsWhatIsDueWithoutDoNotContactOrderedByKindThenLongestOverdue() {
    int today = 1000;
    List<TodayItem> in = List.of(
        item(TodayItem.Kind.CADENCE, 1, 1, 900, false),
        item(TodayItem.Kind.FOLLOW_UP, 2, 7, 1000, false),
        item(TodayItem.Kind.FOLLOW_UP, 3, 5, 990, false),
        item(TodayItem.Kind.RECONNECT, 4, 9, 995, false),
        item(TodayItem.Kind.REORDER, 5, 0, 980, false),
        item(TodayItem.Kind.FOLLOW_UP, 6, 8, 1001, false), // tomorrow: not yet
        item(TodayItem.Kind.FOLLOW_UP, 7, 4, 950, true)); // do not contact: never
    List<TodayItem> out = TodayOrder.of(in, today);
    assertThat(out).extracting(TodayItem::contactId).containsExactly(3L, 2L, 4L, 5L, 1L);
  }

  @Test
  void emailsPhonesAndNamesAreNormalised() {
    assertThat(Duplicates.email("  Ana.Pop@Example.COM ")).isEqualTo("ana.pop@example.com");
    assertThatThrownBy(() -> Duplicates.email("ana.pop")).isInstanceOf(IllegalArgumentException.class);
    assertThat(Duplicates.phone("+40 721 234 567", null)).isEqualTo("+40721234567");
    assertThat(Duplicates.phone("0040 (721) 234-567", null)).isEqualTo("+40721234567");
    assertThat(Duplicates.phone("0721.234.567", "40")).isEqualTo("+40721234567");
    assertThat(Duplicates.phone("+48 601 234 567", "40")).isEqualTo("+48601234567");
    assertThatThrownBy(() -> Duplicates.phone("0721 234 567", null)).hasMessageContaining("no country code");
    assertThatThrownBy(() -> Duplicates.phone("+40 72", null)).hasMessageContaining("8 to 15 digits");
    assertThatThrownBy(() -> Duplicates.phone("+40 721 ABC", null)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Duplicates.nameKey("Pop, Ana")).isEqualTo("ana pop");
    assertThat(Duplicates.nameKey("ANA  POP")).isEqualTo("ana pop");
    assertThat(Duplicates.nameKey("Ștefan Łukasz")).isEqualTo("lukasz stefan");
  }

  @Test
  void aDuplicateIsFoundByEmailThenPhoneThenName() {
    Duplicates.Candidate ana = new Duplicates.Candidate(1, "ana pop", Set.of("ana@x.ro"), Set.of("+40721234567"));
    Duplicates.Candidate ion = new Duplicates.Candidate(2, "ion rus", Set.of(), Set.of("+40722000000"));
    Duplicates.Candidate eva = new Duplicates.Candidate(3, "eva lis", Set.of(), Set.of());
    Duplicates.Candidate added = new Duplicates.Candidate(9, "eva lis", Set.of("ana@x.ro"), Set.of("+40722000000"));
    assertThat(Duplicates.find(added, List.of(ana, ion, eva))).containsExactly(
        new Duplicates.Match(1, "email"), new Duplicates.Match(2, "phone"), new Duplicates.Match(3, "name"));
    Duplicates.Candidate stranger = new Duplicates.Candidate(10, "dan mir", Set.of("dan@x.ro"), Set.of());
    assertThat(Duplicates.find(stranger, List.of(ana, ion, eva))).isEmpty();
  }
}
