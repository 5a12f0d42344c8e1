package org.downline.web;

import org.downline.core.InvalidInputException;
import java.util.List;

/** One page of a list: the items, the page number (from 1), its size and the total across all pages. */
public record Page<T>(List<T> items, int page, int size, long total) {
  public static final int DEFAULT_SIZE = 50;
  public static final int MAX_SIZE = 500;

  public long pages() {
    return total == 0 ? 1 : (total + size - 1) / size;
  }

  public boolean hasNext() {
    return (long) page * size < total;
  }

  public boolean hasPrevious() {
    return page > 1;
  }

  /** Checks and normalises paging parameters: page from 1, size 1..{@link #MAX_SIZE}. */
  public static int[] params(Integer page, Integer size) {
    int p = page == null ? 1 : page;
    int s = size == null ? DEFAULT_SIZE : size;
    if (p < 1) throw InvalidInputException.parameter("page", "page starts at 1");
    if (s < 1 || s > MAX_SIZE) throw InvalidInputException.parameter("size", "size must be 1 to " + MAX_SIZE);
    return new int[] {p, s};
  }

  public static long offset(int page, int size) {
    return (long) (page - 1) * size;
  }
}
