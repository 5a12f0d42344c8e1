package org.downline.web;

import org.downline.core.NotFoundException;
import org.downline.network.Network;
import org.downline.network.Subtrees;
import org.downline.web.security.Account;
import org.springframework.security.core.Authentication;

/**
 * What a signed-in account may read: an admin sees the whole company; a distributor sees their own
 * sponsor subtree (themselves, their customers and their downline) and nothing else. Anything
 * outside answers "not found", so ids of other organisations are not even confirmed to exist.
 */
public final class Visibility {
  private Visibility() {}

  public static Account account(Authentication authentication) {
    if (authentication != null && authentication.getPrincipal() instanceof Account a) return a;
    // The security filters let no anonymous request reach a controller that asks: a bug if it happens.
    throw new IllegalStateException("no signed-in account behind a secured request");
  }

  /** The top of what the account may see: a member index, or {@link Network#NONE} for the whole company. */
  public static int root(Account account, Snapshot snapshot) {
    if (account.isAdmin()) return Network.NONE;
    int me = snapshot.network().indexOf(account.memberId());
    if (me == Network.NONE) throw new NotFoundException("your member '" + account.memberId() + "' is not in the data");
    return me;
  }

  public static boolean canSee(Account account, Snapshot snapshot, int member) {
    if (member == Network.NONE) return false;
    if (account.isAdmin()) return true;
    return Subtrees.contains(snapshot.network(), root(account, snapshot), member);
  }

  /** The member's index when the account may see it, else a 404 refusal. */
  public static int member(Account account, Snapshot snapshot, String memberId) {
    int m = memberId == null ? Network.NONE : snapshot.network().indexOf(memberId);
    if (!canSee(account, snapshot, m)) {
      throw new NotFoundException(account.isAdmin() ? "no member '" + memberId + "'"
          : "no member '" + memberId + "' in your organisation");
    }
    return m;
  }
}
