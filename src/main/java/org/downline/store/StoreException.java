package org.downline.store;

import java.sql.SQLException;

/** A database failure that is not the user's input: connection lost, constraint the checks missed. */
public final class StoreException extends RuntimeException {
  public StoreException(SQLException cause) {
    super("database error: " + cause.getMessage(), cause);
  }
}
