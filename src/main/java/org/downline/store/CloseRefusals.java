package org.downline.store;

import org.downline.core.ConflictException;
import org.downline.core.InvalidInputException;

/**
 * A bridge while {@link CommissionStore} still refuses a close with IllegalArgumentException (a run
 * of another period) and IllegalStateException (closed already, out of order, data changed): its
 * callers answer those as the caller's problem. Remove once the store throws the core types itself
 * (issue 12: the application layer rewrites it).
 */
public final class CloseRefusals {
  private CloseRefusals() {}

  public static CommissionStore.Run close(CommissionStore store, String period, long runId) {
    try {
      return store.close(period, runId);
    } catch (StoreException e) {
      throw e; // the database failed: a 500, not a refusal
    } catch (IllegalStateException e) {
      throw new ConflictException(e.getMessage());
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.parameter("run", e.getMessage());
    }
  }
}
