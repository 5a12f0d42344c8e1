package org.downline.app.network;

import org.downline.network.Network;
import org.downline.network.PlacementRules;
import org.downline.store.Database;
import org.downline.store.PlacementStore;

/**
 * Places a distributor from the holding tank in the placement tree (binary plans): the placement
 * rules checked on the current network ({@link PlacementRules}), then the write in one
 * transaction, which checks the stored position again ({@link PlacementStore}).
 */
public final class PlaceRecruit {
  private final PlacementStore store;

  public PlaceRecruit(Database db) {
    this.store = new PlacementStore(db);
  }

  /**
   * @param actor the member placing (a distributor may place only their own recruits), or
   *     {@link Network#NONE} for staff
   * @param side {@link org.downline.network.PlacementTree#LEFT} or {@code RIGHT}
   */
  public void place(Network current, int actor, String recruitId, String parentId, int side) {
    PlacementRules.check(current, actor, recruitId, parentId, side);
    store.place(recruitId, parentId, side);
  }
}
