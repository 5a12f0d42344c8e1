/**
 * Paying people, the use cases: post a closed run, run and settle payout batches, holds, payout
 * details, adjustments, restatements, statements. Each write is one transaction with its audit row;
 * the rules are the {@code org.downline.payout} engine's, the SQL {@code store}'s.
 */
package org.downline.app.payout;
