package org.downline.cli;

import java.nio.file.Path;
import org.downline.core.InputErrors;
import org.downline.core.Progress;
import org.downline.csv.MemberCsv;
import org.downline.csv.OrderCsv;
import org.downline.network.MemberRow;
import org.downline.network.Network;
import org.downline.network.NetworkBuilder;
import org.downline.network.OrderBook;
import org.downline.network.OrderBookBuilder;

/** A members file and an orders file read and checked into a Network and an OrderBook. */
record FileInputs(Network network, OrderBook book) {
  /** @throws org.downline.core.InvalidInputException naming every bad row of either file (up to a limit) */
  static FileInputs read(Path members, Path orders, Progress progress) {
    InputErrors errors = new InputErrors();
    MemberCsv.Result m = MemberCsv.read(members, errors, progress);
    errors.throwIfAny();
    NetworkBuilder nb = new NetworkBuilder(members.getFileName().toString(), m.rows().size());
    for (MemberRow row : m.rows()) nb.add(row);
    Network network = nb.build(errors);
    errors.throwIfAny();
    OrderBookBuilder ob = new OrderBookBuilder(orders.getFileName().toString(), network, Math.max(1024, network.size() * 3));
    OrderCsv.read(orders, errors, progress, ob::add);
    errors.throwIfAny();
    OrderBook book = ob.build(errors);
    errors.throwIfAny();
    return new FileInputs(network, book);
  }
}
