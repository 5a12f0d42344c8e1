package org.downline.prospect;

/**
 * One decision stage of the prospect (theirs, not the seller's): its code, its place in the order
 * (1 first), its name, and whether it is the stage where the prospect weighs their options.
 */
public record Stage(String code, int position, String name, boolean options) {}
