package org.downline.generate;

/** A marketing campaign whose code orders carry; {@code channel} is e.g. email, social, event. */
public record Campaign(String code, String name, String channel) {}
