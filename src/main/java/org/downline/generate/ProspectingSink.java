package org.downline.generate;

import java.time.LocalDate;
import org.downline.prospect.ChannelKind;
import org.downline.prospect.Consent;
import org.downline.prospect.Outcome;
import org.downline.prospect.Source;
import org.downline.prospect.Tie;
import org.downline.prospect.TouchKind;

/**
 * Where a distributor's generated prospecting goes, in the order a distributor would record it
 * ({@link ProspectingGenerator}): the demo writes it through the use cases (ids from the database),
 * {@code downline generate} into files (ids numbered in the files). Each call that makes a row
 * returns its id, which later calls name.
 */
public interface ProspectingSink {
  long community(String owner, String name, String kind);

  long contact(String owner, String name, String howWeKnow, Tie tie, Integer cadenceDays, LocalDate created);

  /** A channel and its consent as recorded (given or refused, when, how, in what words). */
  void channel(String owner, long contact, ChannelKind kind, String label, String address, Consent consent, LocalDate on,
      String how, String words);

  void inCommunity(String owner, long community, long contact);

  void touch(String owner, long contact, TouchKind kind, String channel, LocalDate on, boolean opening, String openingMessage,
      boolean answered, String asked, String heard);

  /** Marked do-not-contact after their touches were logged: honoured from then on. */
  void doNotContact(String owner, long contact);

  void link(String owner, long a, long b);

  long prospect(String owner, long contact, String winWords, String winTag, Source source, String sourceDetail, String campaignCode,
      LocalDate opened);

  void stage(String owner, long prospect, String stage, LocalDate on);

  void option(String owner, long prospect, String description, LocalDate on);

  void followUp(String owner, long contact, LocalDate due, String what);

  void fit(String owner, long prospect, boolean fit, String why);

  void letGo(String owner, long prospect, LocalDate on);

  void notNow(String owner, long prospect, LocalDate on, LocalDate reconnect);

  /** Joined as a distributor or became a customer; stage 2 skipped is confirmed by the distributor. */
  void joined(String owner, long prospect, Outcome outcome, LocalDate on);

  /** The distributor's prospecting is complete (a sink that holds a distributor's rows writes them now). */
  default void endDistributor(String owner) {}
}
