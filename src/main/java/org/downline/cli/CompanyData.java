package org.downline.cli;

import java.nio.file.Path;
import org.downline.core.InputErrors;
import org.downline.core.Progress;
import org.downline.csv.MemberCsv;
import org.downline.csv.OrderCsv;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;

/**
 * A company's tree and orders in the engines' model, from the database or from a members file and
 * an orders file; files are checked in full: every bad row of both is reported (file, line, column,
 * reason) before anything is computed.
 */
record CompanyData(Network network, OrderBook book) {

  static CompanyData read(Path members, Path orders, Progress progress) {
    InputErrors errors = new InputErrors();
    MemberCsv.Result rows = MemberCsv.read(members, errors, progress);
    errors.throwIfAny();
    NetworkBuilder nb = new NetworkBuilder(members.getFileName().toString(), rows.rows().size());
    rows.rows().forEach(nb::add);
    Network network = nb.build();
    OrderBookBuilder ob = new OrderBookBuilder(orders.getFileName().toString(), network);
    OrderCsv.read(orders, errors, progress, ob::add);
    errors.throwIfAny();
    return new CompanyData(network, ob.build());
  }
}
