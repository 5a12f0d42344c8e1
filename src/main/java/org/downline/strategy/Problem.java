package org.downline.strategy;

import java.util.List;

/** A problem the company's customers have, the products that solve it and the tactics that teach about it. */
public record Problem(String code, String name, String description, List<String> products, List<String> tactics) {
  public Problem {
    products = List.copyOf(products);
    tactics = List.copyOf(tactics);
  }
}
