package org.downline.web.api;

import org.downline.core.NotFoundException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.downline.core.Decimals;
import org.downline.store.PeriodStore;
import org.downline.web.CompanyData;
import org.downline.web.MemberDirectory;
import org.downline.web.Page;
import org.downline.web.Snapshot;
import org.downline.web.Visibility;
import org.downline.web.security.Account;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Orders, products and periods. A distributor reads the orders of members in their organisation only. */
@RestController
@RequestMapping("/api/v1")
public class OrdersApi {
  private final CompanyData data;
  private final MemberDirectory directory;
  private final OrderService orders;
  private final PeriodStore periods;

  public OrdersApi(CompanyData data, MemberDirectory directory, OrderService orders,
      org.downline.store.Database db) {
    this.data = data;
    this.directory = directory;
    this.orders = orders;
    this.periods = new PeriodStore(db);
  }

  /** Staff: all orders, or one member's. A distributor: one member of their organisation (default themselves). */
  @GetMapping("/orders")
  Json.PageBody<Json.Order> list(@RequestParam(name = "member", required = false) String member,
      @RequestParam(required = false) String period, @RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size, Authentication auth) {
    Account account = Visibility.account(auth);
    int[] paging = Page.params(page, size);
    String memberId = member;
    if (!account.isAdmin()) {
      memberId = member == null ? account.memberId() : member;
      Visibility.member(account, data.current(), memberId);
    } else if (member != null) {
      Visibility.member(account, data.current(), member);
    }
    Page<MemberDirectory.OrderView> found = directory.orders(memberId, period, paging[0], paging[1]);
    List<Json.Order> items = new ArrayList<>();
    for (MemberDirectory.OrderView o : found.items()) items.add(Json.Order.of(o));
    return Json.PageBody.of(found, items);
  }

  @GetMapping("/orders/{id}")
  Json.Order get(@PathVariable String id, Authentication auth) {
    Account account = Visibility.account(auth);
    MemberDirectory.OrderView o = directory.order(id).orElseThrow(() -> new NotFoundException("no order '" + id + "'"));
    Snapshot s = data.current();
    if (!Visibility.canSee(account, s, s.network().indexOf(o.memberId()))) {
      throw new NotFoundException("no order '" + id + "'"); // same answer as a missing one
    }
    return Json.Order.of(o);
  }

  @PostMapping("/orders")
  ResponseEntity<Json.Order> create(@RequestHeader(name = "Idempotency-Key", required = false) String key,
      @RequestBody(required = false) Json.NewOrder body, Authentication auth) {
    // An empty body, or the JSON literal null, is a request without an order: the caller's mistake.
    if (body == null) throw org.downline.core.InvalidInputException.parameter("body", "the request has no order in its JSON body");
    OrderService.Created created = orders.create(Visibility.account(auth), key, body);
    Json.Order order = Json.Order.of(created.order());
    if (created.replayed()) {
      return ResponseEntity.ok().header("Idempotent-Replayed", "true").body(order);
    }
    return ResponseEntity.created(URI.create("/api/v1/orders/" + order.id())).body(order);
  }

  @GetMapping("/products")
  Json.PageBody<Json.Product> products(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    int[] paging = Page.params(page, size);
    var all = data.current().products();
    int from = (int) Math.min(all.size(), Page.offset(paging[0], paging[1]));
    int to = Math.min(all.size(), from + paging[1]);
    List<Json.Product> items = new ArrayList<>();
    for (var p : all.subList(from, to)) {
      items.add(new Json.Product(p.sku(), p.name(), Decimals.toBigDecimal(p.price()), Decimals.toBigDecimal(p.pv()),
          Decimals.toBigDecimal(p.cv()), p.kit(), p.category()));
    }
    return new Json.PageBody<>(items, paging[0], paging[1], all.size());
  }

  @GetMapping("/periods")
  Json.PageBody<Json.Period> periods(@RequestParam(required = false) Integer page,
      @RequestParam(required = false) Integer size) {
    int[] paging = Page.params(page, size);
    List<Json.Period> all = new ArrayList<>();
    periods.states().forEach((name, state) -> all.add(new Json.Period(name, state)));
    int from = (int) Math.min(all.size(), Page.offset(paging[0], paging[1]));
    int to = Math.min(all.size(), from + paging[1]);
    return new Json.PageBody<>(all.subList(from, to), paging[0], paging[1], all.size());
  }
}
