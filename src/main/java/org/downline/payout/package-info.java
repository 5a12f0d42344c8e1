/**
 * The payout engine: the earnings ledger's rules in plain Java. A posting balances; a balance is
 * the sum of entries; who is paid, who carries and why; conversion at a batch's recorded rate; the
 * differences a restatement makes and what caused them; a year's totals. No framework, database or
 * file imports (ArchitectureTest).
 */
package org.downline.payout;
