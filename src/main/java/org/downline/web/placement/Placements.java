package org.downline.web.placement;

import java.util.ArrayList;
import java.util.List;
import org.downline.core.Periods;
import org.downline.network.Network;
import org.downline.network.PlacementRules;
import org.downline.network.PlacementTree;
import org.downline.app.network.PlaceRecruit;
import org.downline.store.Database;
import org.downline.web.CompanyData;
import org.downline.web.Snapshot;
import org.downline.web.security.Account;
import org.downline.web.security.AuditLog;
import org.springframework.stereotype.Service;

/**
 * The holding tank and placing a recruit from it (binary plans), for the console and the API: staff
 * see and place everyone; a distributor their own recruits. The use case ({@link PlaceRecruit})
 * on the in-memory network, an audit entry, then the snapshot takes the placement from the change
 * log, so the next request sees it.
 */
@Service
public class Placements {
  private final CompanyData data;
  private final PlaceRecruit placing;
  private final AuditLog audit;

  public Placements(CompanyData data, Database db, AuditLog audit) {
    this.data = data;
    this.placing = new PlaceRecruit(db);
    this.audit = audit;
  }

  /** A distributor waiting to be placed. */
  public record Waiting(String id, String sponsorId, String joinDate) {}

  /** Everyone waiting (staff) or the account's own recruits waiting (a distributor). */
  public List<Waiting> holdingTank(Account account) {
    Snapshot s = data.current();
    Network net = s.network();
    int sponsor = actor(account, net);
    List<Waiting> out = new ArrayList<>();
    for (int m : PlacementRules.holdingTank(net, sponsor)) {
      out.add(new Waiting(net.id(m), net.id(net.sponsor(m)), Periods.formatDay(net.joinDay(m))));
    }
    return out;
  }

  /** Places {@code recruitId} at ({@code parentId}, {@code position}); refusals are {@link org.downline.core.Refusal}s. */
  public void place(Account account, String recruitId, String parentId, String position) {
    int side = position == null ? -1 : PlacementTree.sideOf(position);
    Network net = data.current().network();
    placing.place(net, actor(account, net), recruitId, parentId, side);
    audit.write(account.username(), "placement.place", recruitId, "under " + parentId + " " + PlacementTree.sideName(side));
    data.catchUp();
  }

  private static int actor(Account account, Network net) {
    if (account.isAdmin()) return Network.NONE;
    int me = net.indexOf(account.memberId());
    if (me == Network.NONE) throw new org.downline.core.NotFoundException("your member '" + account.memberId() + "' is not in the data");
    return me;
  }
}
