package org.downline.disclosure;

import java.util.Arrays;

/**
 * What a calendar year's commission periods paid, gathered line by line from wherever the lines
 * live (closed runs, or periods computed from files): per member the year's gross earnings and the
 * highest paid-as rank; per month and per earner the rewards split by where they came from. Only
 * months marked {@link #include included} count; the statement leaves the others out.
 */
public final class YearLedger {
  /** A line without a source order (rank advancement). */
  public static final int NO_SOURCE = -1;

  final int year;
  final int members;
  final boolean[] included = new boolean[12];
  final long[] gross;
  final byte[] highestRank;
  final long[] monthRewards = new long[12];
  final long[] monthSourced = new long[12];
  final long[] monthFromCustomers = new long[12];
  final long[] earnerSourced;
  final long[] earnerFromCustomers;
  private final byte[] kinds;
  private final byte customer;

  /**
   * @param kinds each member's kind as {@code Network.kinds()} has it
   * @param customer the kind byte of a customer ({@code Network.CUSTOMER})
   */
  public YearLedger(int year, byte[] kinds, byte customer) {
    this.year = year;
    this.members = kinds.length;
    this.kinds = kinds;
    this.customer = customer;
    gross = new long[members];
    highestRank = new byte[members];
    Arrays.fill(highestRank, (byte) -1);
    earnerSourced = new long[members];
    earnerFromCustomers = new long[members];
  }

  public int year() {
    return year;
  }

  /** Marks month 1..12 of the year as part of the statement. */
  public void include(int month) {
    included[month - 1] = true;
  }

  public boolean included(int month) {
    return included[month - 1];
  }

  /**
   * One paid line of month 1..12: its earner, the member who placed its source order
   * ({@link #NO_SOURCE} when it has none) and its amount in cents (negative for a clawback).
   */
  public void line(int month, int earner, int sourceMember, long cents) {
    int m = month - 1;
    gross[earner] += cents;
    monthRewards[m] += cents;
    if (sourceMember == NO_SOURCE) return;
    monthSourced[m] += cents;
    earnerSourced[earner] += cents;
    if (kinds[sourceMember] == customer) {
      monthFromCustomers[m] += cents;
      earnerFromCustomers[earner] += cents;
    }
  }

  /** A member's paid-as rank index in one period of the year; the highest one is kept. */
  public void rank(int member, int rankIndex) {
    if (rankIndex > highestRank[member]) highestRank[member] = (byte) rankIndex;
  }

  /** What a member was paid on orders (lines with a source order), cents. */
  public long sourced(int member) {
    return earnerSourced[member];
  }

  /** What a member was paid on orders placed by customers, cents. */
  public long fromCustomers(int member) {
    return earnerFromCustomers[member];
  }

  /** The year's gross earnings of a member, clawbacks included (cents). */
  public long gross(int member) {
    return gross[member];
  }
}
