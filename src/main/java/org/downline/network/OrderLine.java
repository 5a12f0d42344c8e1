package org.downline.network;

/** One line of an order: a quantity of a product at a unit price, with its PV and CV (hundredths). */
public record OrderLine(String orderId, int lineNo, String sku, int quantity, long unitPrice, long pv, long cv) {}
